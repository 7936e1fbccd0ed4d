import { CliInputError } from '../io/cli-error';
import type { TopicRecord } from '../kafka/topic-range-reader';
import { candidateIdOf, collectCandidateIds, parseSince, reapplyErasures, reapplySummary } from './erasures.command';

const A = '6f1c2b9e-0a4d-4c1e-9d3a-2b7f5e8c1a01';
const B = '0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c02';
const record = (key: string | null, value: string | null, offset = 0n): TopicRecord => ({ partition: 0, offset, key, value });

describe('hiring erasures reapply: reading the erased topic', () => {
  it('takes --since as an ISO date-time with a zone, not in the future', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(parseSince('2026-11-30T02:00:00Z', now).toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(parseSince('2026-11-30T03:00:00+01:00', now).toISOString()).toBe('2026-11-30T02:00:00.000Z');
    for (const bad of ['yesterday', '2026-11-30', '2026-11-30T02:00:00', '2026-13-40T02:00:00Z']) expect(() => parseSince(bad, now)).toThrow(CliInputError);
    expect(() => parseSince('2026-12-04T00:00:00Z', now)).toThrow(/future/);
  });

  it('finds the candidate id in the key, else in data.candidateId; a record naming none is reported', () => {
    expect(candidateIdOf(record(A.toUpperCase(), null))).toEqual({ id: A });
    expect(candidateIdOf(record(null, JSON.stringify({ data: { candidateId: B } })))).toEqual({ id: B });
    expect(candidateIdOf(record('nope', '{not json'))).toEqual({ reason: expect.stringContaining('not JSON') });
    expect(candidateIdOf(record('nope', JSON.stringify({ data: { candidateId: 'x' } })))).toEqual({ reason: expect.stringContaining('nor data.candidateId') });
  });

  it('collects distinct ids in first-seen order and the bad records with where they are', () => {
    const { ids, badRecords } = collectCandidateIds([record(A, null, 1n), record(B, null, 2n), record(A, null, 3n), record('bad', null, 4n)]);
    expect(ids).toEqual([A, B]);
    expect(badRecords).toEqual([{ partition: 0, offset: '4', reason: expect.any(String) }]);
  });
});

describe('hiring erasures reapply: posting the erasures', () => {
  it('sorts answers into erased again, already erased and unknown, with progress after each', async () => {
    const C = '9a8b7c6d-5e4f-4a3b-8c1d-0e9f8a7b6c03';
    const answers = new Map<string, { erasedNow: boolean } | 'unknown'>([[A, { erasedNow: true }], [B, { erasedNow: false }], [C, 'unknown']]);
    const progress: string[] = [];
    const result = await reapplyErasures([A, B, C], (id) => Promise.resolve(answers.get(id) ?? 'unknown'), (done, total) => progress.push(`${done}/${total}`));
    expect(result).toEqual({ erasedAgain: [A], alreadyErased: [B], unknown: [C] });
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    const summary = reapplySummary({ since: '2026-11-30T02:00:00.000Z', requestedBy: 'restore-reapply', recordsRead: 4, ...result, badRecords: [{ partition: 1, offset: '7', reason: 'why' }] });
    expect(summary).toContain('erased again: 1');
    expect(summary).toContain('1/7: why');
  });

  it('stops at the first failure (service down, token refused) rather than skipping ids', async () => {
    const calls: string[] = [];
    const failing = (id: string) => {
      calls.push(id);
      return Promise.reject(new CliInputError('refused'));
    };
    await expect(reapplyErasures([A, B], failing, () => undefined)).rejects.toThrow('refused');
    expect(calls).toEqual([A]);
  });
});
