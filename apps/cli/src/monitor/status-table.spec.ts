import { formatDuration, renderStatus, table } from './status-table';
import type { PipelineSnapshotView } from './monitor-client';

const snapshot: PipelineSnapshotView = {
  generatedAt: '2026-03-02T10:00:00.000Z',
  filter: { agencyId: 'northstar-talent' },
  stages: {
    sourced: 4,
    screened: { total: 3, advance: 1, review: 1, reject: 1 },
    scored: { total: 2, advance: 1, reject: 1 },
    offers: { decided: 2, approved: 1, refused: 1, refusals: 2 },
  },
  conversion: [{ from: 'sourced', to: 'screened', of: 4, reached: 3, rate: 0.75 }],
  timeInStage: [{ from: 'sourced', to: 'screened', count: 3, medianMs: 900_000, p90Ms: null }],
  deadLetters: [
    { topic: 'recruiting.candidate-sourced.v1.dlq', depth: 0 },
    { topic: 'recruiting.offer-decided.v1.dlq', depth: 2 },
  ],
  consumerGroups: [{ group: 'screening', state: 'Stable', members: 1, lag: 7 }],
  broker: { ok: true },
};

describe('formatDuration', () => {
  it.each([
    [null, '-'],
    [950, '950ms'],
    [1500, '1.5s'],
    [90_000, '1.5m'],
    [5_400_000, '1.5h'],
    [2 * 86_400_000, '2.0d'],
  ])('%p -> %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('table', () => {
  it('pads the first column left and the others right', () => {
    expect(table(['a', 'count'], [['long name', '7'], ['b', '1234567']])).toEqual(['a            count', 'long name        7', 'b          1234567']);
  });
});

describe('renderStatus', () => {
  const text = renderStatus(snapshot, 'http://127.0.0.1:3005');

  it('names the filter and the source', () => {
    expect(text.split('\n')[0]).toBe('pipeline (agency northstar-talent) at 2026-03-02T10:00:00.000Z from http://127.0.0.1:3005');
  });

  it('prints one row per stage with its count and decisions', () => {
    expect(text).toMatch(/^sourced\s+4\s*$/m);
    expect(text).toMatch(/^screened\s+3\s+advance 1 · review 1 · reject 1$/m);
    expect(text).toMatch(/^scored\s+2\s+advance 1 · reject 1$/m);
    expect(text).toMatch(/^offer decided\s+2\s+approved 1 · refused 1 \(refusals 2\)$/m);
  });

  it('prints conversion, time in stage, lag and only the dead-letter topics that hold records', () => {
    expect(text).toMatch(/^sourced -> screened\s+4\s+3\s+75%$/m);
    expect(text).toMatch(/^sourced -> screened\s+3\s+15\.0m\s+-$/m);
    expect(text).toMatch(/^screening\s+Stable\s+1\s+7$/m);
    expect(text).toContain('dead letters waiting: recruiting.offer-decided.v1.dlq 2');
    expect(text).not.toContain('candidate-sourced.v1.dlq');
  });

  it('shows a decision it does not know yet after the known ones', () => {
    const withNew = renderStatus({ ...snapshot, stages: { ...snapshot.stages, screened: { total: 4, reject: 1, 'on-hold': 2, advance: 1 } } }, 'x');
    expect(withNew).toMatch(/^screened\s+4\s+advance 1 · reject 1 · on-hold 2$/m);
  });

  it('shows needs-interview (rubric 2026-12) in rubric order, before reject', () => {
    const withInterview = renderStatus({ ...snapshot, stages: { ...snapshot.stages, screened: { total: 4, reject: 1, 'needs-interview': 2, advance: 1 } } }, 'x');
    expect(withInterview).toMatch(/^screened\s+4\s+advance 1 · needs-interview 2 · reject 1$/m);
  });

  it('says when the monitor cannot reach Kafka', () => {
    const down = renderStatus({ ...snapshot, broker: { ok: false, error: 'ECONNREFUSED', checkedAt: '2026-03-02T09:59:00.000Z' } }, 'x');
    expect(down).toContain('Kafka NOT ANSWERING the monitor (ECONNREFUSED); lag and dead letters below are the last read, at 2026-03-02T09:59:00.000Z');
    expect(text).not.toContain('NOT ANSWERING');
  });

  it('prints an empty pipeline without failing', () => {
    expect(renderStatus({}, 'x')).toMatch(/^sourced\s+0/m);
  });
});
