import { cohortOf, firstSeenAt, type CandidateStageRow } from '../test/pipeline-rows.reference';
import { durations } from './pipeline-stats';
import { earliestSeenAt, periodStart, requisitionStats, timeline, timelineFrame, type TimelineBucketCounts } from './pipeline-views';

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

describe('periodStart / earliestSeenAt', () => {
  it('starts a period exactly its length before now (inclusive); all time has no start', () => {
    expect(periodStart('24h', NOW)).toEqual(t('2026-03-09T12:30:00Z'));
    expect(periodStart('30d', NOW)).toEqual(t('2026-02-08T12:30:00Z'));
    expect(periodStart('all', NOW)).toBeNull();
  });

  it('is the earliest stage time of any cohort, so a candidate whose sourcing was not read yet still counts', () => {
    const late = cohortOf(row({ screenedAt: t('2026-03-10T10:00:00Z'), scoredAt: t('2026-03-10T09:00:00Z') }));
    expect(late.firstSeenAt).toEqual(t('2026-03-10T09:00:00Z'));
    expect(earliestSeenAt([late, cohortOf(row({}))])).toEqual(t('2026-03-10T09:00:00Z'));
    expect(earliestSeenAt([])).toBeNull();
    expect(firstSeenAt(row({}))).toBeNull();
  });

  it('over many cohorts (300,000): a loop, not a stack overflow', () => {
    const start = t('2026-03-01T00:00:00Z').getTime();
    const many = Array.from({ length: 300_000 }, (_, i) => cohortOf(row({ sourcedAt: new Date(start + ((i * 7) % 9) * 86_400_000) })));
    expect(earliestSeenAt(many)).toEqual(t('2026-03-01T00:00:00Z'));
  });
});

describe('timeline', () => {
  const counted = (index: number, over: Partial<TimelineBucketCounts>): TimelineBucketCounts => ({
    index, arrivals: 0, screened: 0, screenedIn: 0, offersApproved: 0, offersRefused: 0, toScreening: durations([]), ...over,
  });

  it('24h: 24 hourly buckets ending with the current hour', () => {
    const frame = timelineFrame('24h', NOW, null);
    expect(frame).toEqual({ bucket: 'hour', startMs: t('2026-03-09T13:00:00Z').getTime(), sizeMs: 3_600_000, count: 24 });
    const tl = timeline(frame, [counted(20, { arrivals: 2 }), counted(21, { screened: 2, screenedIn: 1, toScreening: { count: 2, medianMs: 2_700_000, p90Ms: 3_420_000 } })]);
    expect(tl.bucket).toBe('hour');
    expect(tl.points).toHaveLength(24);
    expect(tl.points[0]?.at).toBe('2026-03-09T13:00:00.000Z');
    expect(tl.points[23]?.at).toBe('2026-03-10T12:00:00.000Z');
    expect(tl.points[20]).toMatchObject({ at: '2026-03-10T09:00:00.000Z', arrivals: 2, screened: 0, screenedInRate: null });
    expect(tl.points[21]).toMatchObject({ at: '2026-03-10T10:00:00.000Z', screened: 2, screenedIn: 1, screenedInRate: 0.5, toScreening: { count: 2, medianMs: 2_700_000 } });
    expect(tl.points[0]).toEqual({ at: '2026-03-09T13:00:00.000Z', arrivals: 0, screened: 0, screenedIn: 0, screenedInRate: null, offersApproved: 0, offersRefused: 0, toScreening: { count: 0, medianMs: null, p90Ms: null } });
  });

  it('7d: daily buckets; all: from the first day seen, one bucket when nothing was seen', () => {
    const week = timeline(timelineFrame('7d', NOW, null), []);
    expect(week.bucket).toBe('day');
    expect(week.points.map((p) => p.at.slice(0, 10))).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    const all = timeline(timelineFrame('all', NOW, t('2026-03-08T11:00:00Z')), []);
    expect(all.points.map((p) => p.at.slice(0, 10))).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(timeline(timelineFrame('all', NOW, null), []).points).toHaveLength(1);
  });

  it('all over more than 120 days: weekly buckets from Monday, at most 120', () => {
    const frame = timelineFrame('all', NOW, t('2025-10-01T00:00:00Z'));
    const all = timeline(frame, []);
    expect(all.bucket).toBe('week');
    expect(all.points[0]?.at).toBe('2025-09-29T00:00:00.000Z');
    expect(all.points[all.points.length - 1]?.at).toBe('2026-03-09T00:00:00.000Z');
    expect(timelineFrame('all', NOW, t('2020-01-01T00:00:00Z')).count).toBe(120);
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
    const [r2, r1] = requisitionStats(rows.map((r) => cohortOf(r)), new Map());
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
    expect(requisitionStats(rows.map((r) => cohortOf(r)), new Map(), opened).find((r) => r.requisitionId === 'r1')?.timeToFirstQualifiedMs).toBe(2 * 86_400_000);
    const starts = new Map([['r1', t('2026-02-27T00:00:00Z')]]);
    expect(requisitionStats(rows.map((r) => cohortOf(r)), starts).find((r) => r.requisitionId === 'r1')).toMatchObject({ firstSubmissionAt: '2026-02-27T00:00:00.000Z', timeToFirstQualifiedMs: 3 * 86_400_000 });
  });
});
