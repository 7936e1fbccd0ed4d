import type { CandidateStageRow } from './pipeline-stats';
import { firstSeenAt, requisitionStats, timeline, withinPeriod } from './pipeline-views';

const NOW = new Date('2026-03-10T12:30:00Z');
const t = (iso: string) => new Date(iso);

function row(over: Partial<CandidateStageRow>): CandidateStageRow {
  return {
    candidateId: 'c',
    agencyId: 'a1',
    requisitionId: 'r1',
    role: 'ai-tech-lead',
    sourcedAt: null,
    screenedAt: null,
    screeningDecision: null,
    qualifiedAt: null,
    scoredAt: null,
    scoreDecision: null,
    offerDecidedAt: null,
    offerDecision: null,
    offersRefused: 0,
    ...over,
  };
}

describe('firstSeenAt / withinPeriod', () => {
  it('is the earliest known stage time, so a candidate whose sourcing was not read yet still counts', () => {
    expect(firstSeenAt(row({ screenedAt: t('2026-03-10T10:00:00Z'), scoredAt: t('2026-03-10T09:00:00Z') }))).toEqual(t('2026-03-10T09:00:00Z'));
    expect(firstSeenAt(row({}))).toBeNull();
  });

  it('keeps the candidates that entered within the period; all keeps everything', () => {
    const recent = row({ candidateId: 'recent', sourcedAt: t('2026-03-10T01:00:00Z') });
    const old = row({ candidateId: 'old', sourcedAt: t('2026-03-01T01:00:00Z') });
    const none = row({ candidateId: 'none' });
    expect(withinPeriod([recent, old, none], '24h', NOW).map((r) => r.candidateId)).toEqual(['recent']);
    expect(withinPeriod([recent, old, none], '30d', NOW).map((r) => r.candidateId)).toEqual(['recent', 'old']);
    expect(withinPeriod([recent, old, none], 'all', NOW)).toHaveLength(3);
  });
});

describe('timeline', () => {
  const rows = [
    row({ candidateId: 'a', sourcedAt: t('2026-03-10T09:10:00Z'), screenedAt: t('2026-03-10T10:10:00Z'), screeningDecision: 'advance', offerDecidedAt: t('2026-03-10T12:01:00Z'), offerDecision: 'approved' }),
    row({ candidateId: 'b', sourcedAt: t('2026-03-10T09:50:00Z'), screenedAt: t('2026-03-10T10:20:00Z'), screeningDecision: 'reject' }),
    row({ candidateId: 'c', sourcedAt: t('2026-03-10T11:00:00Z'), offerDecidedAt: t('2026-03-10T12:02:00Z'), offerDecision: 'refused' }),
    row({ candidateId: 'outside', sourcedAt: t('2026-03-08T11:00:00Z') }),
  ];

  it('24h: 24 hourly buckets ending with the current hour, each stage counted in the hour it happened', () => {
    const tl = timeline(rows, '24h', NOW);
    expect(tl.bucket).toBe('hour');
    expect(tl.points).toHaveLength(24);
    expect(tl.points[0]?.at).toBe('2026-03-09T13:00:00.000Z');
    expect(tl.points[23]?.at).toBe('2026-03-10T12:00:00.000Z');
    const at = (iso: string) => tl.points.find((p) => p.at === iso);
    expect(at('2026-03-10T09:00:00.000Z')).toMatchObject({ arrivals: 2, screened: 0 });
    expect(at('2026-03-10T10:00:00.000Z')).toMatchObject({ arrivals: 0, screened: 2, screenedIn: 1, screenedInRate: 0.5, toScreening: { count: 2, medianMs: 2_700_000 } });
    expect(at('2026-03-10T11:00:00.000Z')).toMatchObject({ arrivals: 1, screenedInRate: null });
    expect(at('2026-03-10T12:00:00.000Z')).toMatchObject({ offersApproved: 1, offersRefused: 1 });
    expect(tl.points.reduce((s, p) => s + p.arrivals, 0)).toBe(3);
  });

  it('7d: daily buckets; all: from the first day seen', () => {
    const week = timeline(rows, '7d', NOW);
    expect(week.bucket).toBe('day');
    expect(week.points.map((p) => p.at.slice(0, 10))).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(week.points[4]?.arrivals).toBe(1);
    expect(week.points[6]?.arrivals).toBe(3);
    const all = timeline(rows, 'all', NOW);
    expect(all.points.map((p) => p.at.slice(0, 10))).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(timeline([], 'all', NOW).points).toHaveLength(1);
  });

  it('all over more than 120 days: weekly buckets from Monday', () => {
    const old = row({ candidateId: 'old', sourcedAt: t('2025-10-01T00:00:00Z') });
    const all = timeline([old, ...rows], 'all', NOW);
    expect(all.bucket).toBe('week');
    expect(all.points[0]).toMatchObject({ at: '2025-09-29T00:00:00.000Z', arrivals: 1 });
    expect(all.points[all.points.length - 1]).toMatchObject({ at: '2026-03-09T00:00:00.000Z', arrivals: 3 });
    expect(all.points.reduce((s, p) => s + p.arrivals, 0)).toBe(5);
  });

  it('all over a large pipeline (300,000 candidates): counted, not a stack overflow', () => {
    const start = t('2026-03-01T00:00:00Z').getTime();
    const many = Array.from({ length: 300_000 }, (_, i) => row({ candidateId: `m${i}`, sourcedAt: new Date(start + (i % 9) * 86_400_000) }));
    const all = timeline(many, 'all', NOW);
    expect(all.points[0]?.at).toBe('2026-03-01T00:00:00.000Z');
    expect(all.points.reduce((s, p) => s + p.arrivals, 0)).toBe(300_000);
  });
});

describe('requisitionStats', () => {
  const rows = [
    row({ candidateId: 'a', agencyId: 'a1', sourcedAt: t('2026-03-01T00:00:00Z'), screenedAt: t('2026-03-01T01:00:00Z'), screeningDecision: 'advance', qualifiedAt: t('2026-03-02T00:00:00Z'), scoredAt: t('2026-03-02T01:00:00Z'), scoreDecision: 'advance', offerDecision: 'approved', offerDecidedAt: t('2026-03-05T00:00:00Z') }),
    row({ candidateId: 'b', agencyId: 'a2', sourcedAt: t('2026-03-01T06:00:00Z'), screenedAt: t('2026-03-01T07:00:00Z'), screeningDecision: 'needs-interview' as never }),
    row({ candidateId: 'c', agencyId: 'a2', requisitionId: 'r2', sourcedAt: t('2026-03-03T00:00:00Z') }),
    row({ candidateId: 'd', requisitionId: null, sourcedAt: t('2026-03-03T00:00:00Z') }),
  ];

  it('one line per requisition: agencies, candidates by stage and decision (an unknown decision by its own name), offers', () => {
    const [r2, r1] = requisitionStats(rows, new Map());
    expect(r2).toMatchObject({ requisitionId: 'r2', agencies: 1, sourced: 1, screened: { total: 0 }, firstQualifiedAt: null, timeToFirstQualifiedMs: null });
    expect(r1).toEqual({
      requisitionId: 'r1',
      agencies: 2,
      sourced: 2,
      screened: { total: 2, advance: 1, 'needs-interview': 1 },
      scored: { total: 1, advance: 1 },
      offers: { approved: 1, refused: 0 },
      firstSubmissionAt: '2026-03-01T00:00:00.000Z',
      firstQualifiedAt: '2026-03-02T00:00:00.000Z',
      timeToFirstQualifiedMs: 86_400_000,
    });
  });

  it('measures from the requisition opening when known, else from its first submission by any agency', () => {
    const opened = (id: string) => (id === 'r1' ? t('2026-02-28T00:00:00Z') : undefined);
    expect(requisitionStats(rows, new Map(), opened).find((r) => r.requisitionId === 'r1')?.timeToFirstQualifiedMs).toBe(2 * 86_400_000);
    const starts = new Map([['r1', t('2026-02-27T00:00:00Z')]]);
    expect(requisitionStats(rows, starts).find((r) => r.requisitionId === 'r1')).toMatchObject({ firstSubmissionAt: '2026-02-27T00:00:00.000Z', timeToFirstQualifiedMs: 3 * 86_400_000 });
  });
});
