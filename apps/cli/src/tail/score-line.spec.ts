import { formatScoreLine, parseScoreRecord } from './score-line';

const event = (data: unknown) => Buffer.from(JSON.stringify({ specversion: '1.0', type: 'recruiting.candidate-scored.v1', data }));

describe('parseScoreRecord / formatScoreLine', () => {
  it('prints time, candidate, requisition, role, score and decision', () => {
    const parsed = parseScoreRecord(
      2,
      '41',
      Buffer.from('cand-1'),
      event({ candidateId: 'cand-1', agencyId: 'a-1', requisitionId: 'req-ml', role: 'ai-tech-lead', score: 72, decision: 'advance', scoredAt: '2026-03-02T09:15:00.000Z', breakdown: [] }),
    );
    expect(parsed).toEqual({
      ok: true,
      line: { partition: 2, offset: '41', candidateId: 'cand-1', agencyId: 'a-1', requisitionId: 'req-ml', role: 'ai-tech-lead', score: 72, decision: 'advance', scoredAt: '2026-03-02T09:15:00.000Z' },
    });
    if (parsed.ok) expect(formatScoreLine(parsed.line)).toBe('2026-03-02T09:15:00.000Z  cand-1  req-ml  ai-tech-lead  score  72  advance');
  });

  it('prints a decision it does not know as it is', () => {
    const parsed = parseScoreRecord(0, '1', null, event({ candidateId: 'c', requisitionId: 'r', role: 'tech-lead', score: 55.25, decision: 'needs-interview' }));
    expect(parsed.ok && formatScoreLine(parsed.line)).toBe('-                         c  r  tech-lead  score 55.3  needs-interview');
  });

  it('a tombstone is an erasure of the key', () => {
    const parsed = parseScoreRecord(0, '9', Buffer.from('cand-gone'), null);
    expect(parsed).toEqual({ ok: true, line: { partition: 0, offset: '9', candidateId: 'cand-gone', erased: true } });
    expect(parsed.ok && formatScoreLine(parsed.line)).toContain('cand-gone  erased (tombstone)');
  });

  it.each([
    [Buffer.from('not json'), 'value is not JSON'],
    [Buffer.from('{"specversion":"1.0"}'), 'no data object (not a CloudEvent)'],
    [event({ score: 3 }), 'no candidateId'],
  ])('reports a record it cannot read: %s', (value, reason) => {
    expect(parseScoreRecord(0, '0', null, value)).toEqual({ ok: false, reason });
  });
});
