import { parseAgencies, parseRequisitions, parseWebhookHealth } from './directory.reader';

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

  it('keeps the webhook health of each agency, counts as whole numbers, and refuses an answer that is not a list', () => {
    expect(
      parseWebhookHealth([
        {
          agencyId: 'a1',
          agencyName: 'Northstar Talent',
          endpoints: 2,
          disabledEndpoints: 1,
          pending: 4,
          deliveredLast24h: 10,
          failedLast24h: -3,
          lastDeliveredAt: '2026-12-03T10:00:00.000Z',
          oldestPendingAt: null,
          disabled: [{ endpointId: 'e1', url: 'https://hooks.example/x', disabledAt: '2026-12-03T11:00:00.000Z', reason: '20 consecutive failed attempts; last: HTTP 503' }, { url: 'no id' }],
        },
        { endpoints: 1 },
      ]),
    ).toEqual([
      {
        agencyId: 'a1',
        endpoints: 2,
        disabledEndpoints: 1,
        pending: 4,
        deliveredLast24h: 10,
        failedLast24h: 0,
        lastDeliveredAt: '2026-12-03T10:00:00.000Z',
        oldestPendingAt: null,
        disabled: [{ endpointId: 'e1', url: 'https://hooks.example/x', disabledAt: '2026-12-03T11:00:00.000Z', reason: '20 consecutive failed attempts; last: HTTP 503' }],
      },
    ]);
    expect(() => parseWebhookHealth({})).toThrow('webhook health: expected an array');
  });
});
