import { CliInputError } from '../io/cli-error';
import { rewrapAll, statusSummary, type RewrapBatch } from './keys.command';

type Counts = [dataKeys: number, webhookSecrets: number, signingSecrets?: number];

const answer = (moved: Counts, left: Counts): RewrapBatch => ({
  currentKeyId: 'k2',
  configuredKeyIds: ['k2', 'k1'],
  dataKeysByKeyId: { k2: 10, k1: left[0] },
  webhookSecretsByKeyId: { k2: 1, k1: left[1] },
  signingSecretsByKeyId: { k2: 2, k1: left[2] ?? 0 },
  remaining: { dataKeys: left[0], webhookSecrets: left[1], signingSecrets: left[2] ?? 0 },
  rewrapped: { dataKeys: moved[0], webhookSecrets: moved[1], signingSecrets: moved[2] ?? 0 },
});

describe('hiring keys rewrap: batches until nothing is wrapped by an older key', () => {
  it('adds up the batches and reports progress after each', async () => {
    const answers = [answer([2, 1], [3, 0]), answer([2, 0], [1, 0]), answer([1, 0], [0, 0])];
    const progress: number[] = [];
    const result = await rewrapAll(() => Promise.resolve(answers.shift()!), (_b, totals) => progress.push(totals.dataKeys));
    expect(result).toMatchObject({ rewrapped: { dataKeys: 5, webhookSecrets: 1 }, batches: 3, status: { remaining: { dataKeys: 0, webhookSecrets: 0 } } });
    expect(progress).toEqual([2, 4, 5]);
  });

  it('agency signing secrets count: a batch that only moves them is progress, and none may remain', async () => {
    const answers = [answer([0, 0, 2], [0, 0, 1]), answer([0, 0, 1], [0, 0, 0])];
    const result = await rewrapAll(() => Promise.resolve(answers.shift()!), () => undefined);
    expect(result).toMatchObject({ rewrapped: { dataKeys: 0, webhookSecrets: 0, signingSecrets: 3 }, batches: 2 });
    expect(statusSummary(answer([0, 0], [0, 0, 1]))).toContain('still wrapped by an older key: 0 data keys, 0 webhook secrets, 1 agency signing secrets');
  });

  it('stops with an error instead of spinning when a batch moves nothing but something remains', async () => {
    await expect(rewrapAll(() => Promise.resolve(answer([0, 0], [4, 0])), () => undefined)).rejects.toThrow(CliInputError);
  });

  it('the status names keys that are not configured and says when older keys can go', () => {
    const status = { ...answer([0, 0], [0, 0]), dataKeysByKeyId: { k2: 3, gone: 2 }, remaining: { dataKeys: 2, webhookSecrets: 0, signingSecrets: 0 } };
    expect(statusSummary(status)).toContain('gone (NOT CONFIGURED): 2');
    expect(statusSummary(status)).toContain('k2 (current): 3');
    expect(statusSummary(answer([0, 0], [0, 0]))).toContain('older keys can be dropped');
  });
});
