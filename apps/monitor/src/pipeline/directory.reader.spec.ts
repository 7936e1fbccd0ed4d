import { parseAgencies, parseRequisitions } from './directory.reader';

describe('directory parsing (what the page shows of sourcing\'s answers)', () => {
  it('keeps id and name of each agency, nothing else (no keys)', () => {
    expect(parseAgencies([{ id: 'a1', name: 'Northstar Talent', apiKeys: [{ prefix: 'x' }], createdAt: '2026-01-01T00:00:00Z' }, { id: 'a2' }])).toEqual([{ id: 'a1', name: 'Northstar Talent' }]);
  });

  it('keeps title, role, location, status and opening of each requisition, not its internal signals', () => {
    expect(
      parseRequisitions([
        { id: 'r1', title: 'ML Platform Lead', targetRole: 'ai-tech-lead', locationTier: 'uk-london', status: 'open', createdAt: '2026-03-01T00:00:00.000Z', closedAt: null, signals: { a: 1 } },
        { id: 'r2', title: 'no opening time' },
      ]),
    ).toEqual([{ id: 'r1', title: 'ML Platform Lead', role: 'ai-tech-lead', locationTier: 'uk-london', status: 'open', openedAt: '2026-03-01T00:00:00.000Z', closedAt: null }]);
  });

  it('refuses an answer that is not a list', () => {
    expect(() => parseAgencies({ error: 'x' })).toThrow('agencies: expected an array');
    expect(() => parseRequisitions(null)).toThrow('requisitions: expected an array');
  });
});
