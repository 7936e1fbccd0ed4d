import { createRequire } from 'node:module';
import { stopIdleRequestQueueTimers } from './kafka-request-queue';

// kafkajs' own RequestQueue method, called on a queue's state alone.
interface QueueState {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests: () => void;
}
const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as {
  prototype: { scheduleCheckPendingRequests(this: QueueState): void };
};

function queueState(pending: unknown[]): QueueState {
  return { pending, throttledUntil: -1, throttleCheckTimeoutId: null, checkPendingRequests: () => undefined };
}

describe('stopIdleRequestQueueTimers', () => {
  beforeAll(() => stopIdleRequestQueueTimers());

  it('an idle queue (nothing pending, not throttled) arms no timer', () => {
    const q = queueState([]);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(q);
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('a queue with requests waiting still arms its check', () => {
    const q = queueState([{}]);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(q);
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(q.throttleCheckTimeoutId as ReturnType<typeof setTimeout>);
  });

  it('is idempotent', () => {
    stopIdleRequestQueueTimers();
    const q = queueState([]);
    RequestQueue.prototype.scheduleCheckPendingRequests.call(q);
    expect(q.throttleCheckTimeoutId).toBeNull();
  });
});
