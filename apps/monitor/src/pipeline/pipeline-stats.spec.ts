import {
  agencyStats,
  conversion,
  durations,
  elapsedMs,
  percentile,
  stageConversions,
  stageCounts,
  timesInStage,
} from './pipeline-stats';
import { cohortOf, type CandidateStageRow } from '../test/pipeline-rows.reference';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function candidate(id: string, over: Partial<CandidateStageRow> = {}): CandidateStageRow {
  return {
    candidateId: id,
    agencyId: 'northstar-talent',
    requisitionId: 'req-ml-platform-lead',
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

describe('percentile: linear interpolation between closest ranks', () => {
  it('gives null for no values, the value itself for one', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([42], 0.9)).toBe(42);
  });

  it('takes the middle of an even list as the median and interpolates p90', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    // rank 0.9 * 9 = 8.1 between 9 and 10
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(percentile([10, 20, 30], 0)).toBe(10);
    expect(percentile([10, 20, 30], 1)).toBe(30);
  });

  it('does not reorder the caller\'s array and refuses a percentile outside [0, 1]', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
    expect(() => percentile(values, 90)).toThrow(RangeError);
  });

  it('summarises durations with count, median and p90', () => {
    expect(durations([HOUR, 2 * HOUR, 3 * HOUR])).toEqual({ count: 3, medianMs: 2 * HOUR, p90Ms: 2.8 * HOUR });
    expect(durations([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });
});

describe('conversion between stages', () => {
  it('is reached / of, and null when nobody reached the first stage', () => {
    expect(conversion('sourced', 'screened', 4, 3).rate).toBe(0.75);
    expect(conversion('sourced', 'screened', 0, 0).rate).toBeNull();
  });

  it('counts a cohort: a candidate screened without a sourced event seen does not push the rate above 100%', () => {
    const rows = [
      candidate('a', { sourcedAt: at(0), screenedAt: at(5), screeningDecision: 'advance' }),
      candidate('b', { sourcedAt: at(0) }),
      candidate('c', { screenedAt: at(5), screeningDecision: 'reject' }),
    ];
    const sourcedToScreened = stageConversions(rows.map((r) => cohortOf(r))).find((c) => c.from === 'sourced' && c.to === 'screened');
    expect(sourcedToScreened).toEqual({ from: 'sourced', to: 'screened', of: 2, reached: 1, rate: 0.5 });
    const screenedIn = stageConversions(rows.map((r) => cohortOf(r))).find((c) => c.to === 'qualified');
    expect(screenedIn).toMatchObject({ of: 2, reached: 1 });
  });

  it('counts as qualified only the candidates screened in (advance, review), as the time to first qualified does', () => {
    const rows = [
      candidate('advance', { screenedAt: at(5), screeningDecision: 'advance' }),
      candidate('review', { screenedAt: at(5), screeningDecision: 'review' }),
      candidate('thin', { screenedAt: at(5), screeningDecision: 'needs-interview' }),
      candidate('reject', { screenedAt: at(5), screeningDecision: 'reject' }),
    ];
    const screenedIn = stageConversions(rows.map((r) => cohortOf(r))).find((c) => c.to === 'qualified');
    expect(screenedIn).toEqual({ from: 'screened', to: 'qualified', of: 4, reached: 2, rate: 0.5 });
  });
});

describe('stage counts of a small pipeline', () => {
  const rows = [
    candidate('advance-approved', { sourcedAt: at(0), screenedAt: at(10), screeningDecision: 'advance', qualifiedAt: at(10), scoredAt: at(11), scoreDecision: 'advance', offerDecidedAt: at(60), offerDecision: 'approved' }),
    candidate('review-refused', { sourcedAt: at(0), screenedAt: at(20), screeningDecision: 'review', qualifiedAt: at(20), scoredAt: at(21), scoreDecision: 'review', offerDecidedAt: at(120), offerDecision: 'refused', offersRefused: 1 }),
    candidate('refused-then-overridden', { sourcedAt: at(0), screenedAt: at(30), screeningDecision: 'advance', qualifiedAt: at(30), scoredAt: at(31), scoreDecision: 'advance', offerDecidedAt: at(180), offerDecision: 'approved', offersRefused: 1 }),
    candidate('rejected', { sourcedAt: at(0), screenedAt: at(40), screeningDecision: 'reject', scoredAt: at(41), scoreDecision: 'reject' }),
    candidate('waiting', { sourcedAt: at(0) }),
  ];

  it('counts sourced, screened and scored by decision, offers by latest decision plus every refusal', () => {
    expect(stageCounts(rows.map((r) => cohortOf(r)))).toEqual({
      sourced: 5,
      screened: { total: 4, advance: 2, review: 1, 'needs-interview': 0, reject: 1 },
      scored: { total: 4, advance: 2, review: 1, 'needs-interview': 0, reject: 1 },
      offers: { decided: 3, approved: 2, refused: 1, refusals: 2 },
    });
  });

  it('counts a cohort of several candidates as that many', () => {
    const [first, second] = rows;
    const cohorts = [cohortOf(first as CandidateStageRow, 3), cohortOf(second as CandidateStageRow, 2)];
    expect(stageCounts(cohorts)).toMatchObject({ sourced: 5, screened: { total: 5, advance: 3, review: 2 }, offers: { decided: 5, approved: 3, refused: 2, refusals: 2 } });
    expect(stageConversions(cohorts).find((c) => c.to === 'offer approved')).toMatchObject({ of: 5, reached: 3 });
  });

  it('labels the step durations the database gathered', () => {
    const d = (count: number) => ({ count, medianMs: count * 1000, p90Ms: count * 2000 });
    expect(timesInStage({ sourcedToScreened: d(1), screenedToScored: d(2), scoredToOfferDecided: d(3) })).toEqual([
      { from: 'sourced', to: 'screened', ...d(1) },
      { from: 'screened', to: 'scored', ...d(2) },
      { from: 'scored', to: 'offer decided', ...d(3) },
    ]);
  });

  it('treats a small negative gap (clocks of two services) as zero, not as a negative duration', () => {
    expect(elapsedMs(at(10), at(9))).toBe(0);
  });
});

describe('agency service level: requisition first submission -> agency first qualified candidate (hiring-rules §6)', () => {
  const options = { now: new Date(T0 + 10 * DAY), firstQualifiedTargetMs: 3 * DAY };

  it('measures every agency on a requisition from its first submission by any agency', () => {
    const rows = [
      candidate('fast-1', { agencyId: 'fast', requisitionId: 'req-a', sourcedAt: at(24 * 60), qualifiedAt: new Date(T0 + 2 * DAY), screeningDecision: 'advance' }),
      candidate('slow-1', { agencyId: 'slow', requisitionId: 'req-a', sourcedAt: new Date(T0 + 4 * DAY), qualifiedAt: new Date(T0 + 5 * DAY), screeningDecision: 'review' }),
    ];
    // the requisition's first submission was by a third agency, not in the filtered rows
    const starts = new Map([['req-a', new Date(T0)]]);
    const [fast, slow] = ['fast', 'slow'].map((id) => agencyStats(rows.map((r) => cohortOf(r)), starts, options).find((a) => a.agencyId === id));
    expect(fast?.timeToFirstQualified).toEqual({ count: 1, medianMs: 2 * DAY, p90Ms: 2 * DAY });
    expect(fast?.requisitionsWithinTarget).toBe(1);
    expect(slow?.timeToFirstQualified.medianMs).toBe(5 * DAY);
    expect(slow?.requisitionsWithinTarget).toBe(0);
  });

  it('takes the earliest qualified candidate of the agency per requisition, and shows requisitions still waiting', () => {
    const rows = [
      candidate('a1', { requisitionId: 'req-a', sourcedAt: at(0), qualifiedAt: at(300), screeningDecision: 'advance' }),
      candidate('a2', { requisitionId: 'req-a', sourcedAt: at(10), qualifiedAt: at(100), screeningDecision: 'advance' }),
      candidate('b1', { requisitionId: 'req-b', sourcedAt: at(0), screenedAt: at(5), screeningDecision: 'reject' }),
    ];
    const [agency] = agencyStats(rows.map((r) => cohortOf(r)), new Map(), options);
    expect(agency).toMatchObject({ agencyId: 'northstar-talent', sourced: 3, qualified: 2, requisitions: 2, requisitionsQualified: 1, requisitionsWithinTarget: 1 });
    expect(agency.timeToFirstQualified.medianMs).toBe(100 * 60_000);
    const waiting = agency.requisitionLeads.find((l) => l.requisitionId === 'req-b');
    expect(waiting).toMatchObject({ firstQualifiedAt: null, timeToFirstQualifiedMs: null, waitingMs: 10 * DAY });
  });

  it('adds up the offers refused at the final stage for the agency\'s candidates', () => {
    const rows = [
      candidate('x', { agencyId: 'northstar', offersRefused: 2, sourcedAt: at(0) }),
      candidate('y', { agencyId: 'northstar', offersRefused: 1, sourcedAt: at(0) }),
      candidate('z', { agencyId: 'other', offersRefused: 0, sourcedAt: at(0) }),
    ];
    const stats = agencyStats(rows.map((r) => cohortOf(r)), new Map(), options);
    expect(stats.map((a) => [a.agencyId, a.offersRefused])).toEqual([
      ['northstar', 3],
      ['other', 0],
    ]);
  });
});
