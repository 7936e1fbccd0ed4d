import { classifyFailure, failureAction } from '@hiring/messaging';
import { ScreeningConfig } from '../screening.config';
import { CandidateKeysClient } from './candidate-keys.client';

// The transport decides from the error what happens to the batch: a key
// lookup that sourcing did not answer in time must be retried, never
// dead-lettered as the events' fault.
describe('candidate key lookup: sourcing too slow or unreachable', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  const lookupFailingWith = async (error: Error): Promise<unknown> => {
    global.fetch = jest.fn().mockRejectedValue(error);
    return new CandidateKeysClient(new ScreeningConfig()).lookup(['9b2f6c1e-3f4a-4c2b-8d1e-0a1b2c3d4e5f']).then(
      () => undefined,
      (failure: unknown) => failure,
    );
  };

  it('a timeout pauses and retries the batch, like a refused connection', async () => {
    const failure = await lookupFailingWith(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    expect(failure).toBeInstanceOf(Error);
    expect(global.fetch).toHaveBeenCalledTimes(1);
    expect(failureAction(classifyFailure(failure))).toBe('pause-and-probe');
  });

  it('a refused connection still pauses and retries', async () => {
    const failure = await lookupFailingWith(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
    expect(failureAction(classifyFailure(failure))).toBe('pause-and-probe');
  });
});
