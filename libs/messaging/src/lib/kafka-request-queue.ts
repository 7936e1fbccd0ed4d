// kafkajs 2.2.4, its last release, re-arms a timer in every broker
// connection's request queue after each check, even with nothing pending:
// with no client-side throttle the delay is negative, so Node runs it after
// 1 ms, and the check arms the next one. Every open connection (producers,
// consumers, their group coordinators, admin clients) keeps a 1 ms timer loop
// for its whole life: a service's event loop woke ~1,700 times a second when
// idle (`strace -c -p <pid>`: epoll_pwait). The fix is not released upstream.
// A queue needs the timer only when requests wait in it (too many in flight,
// or throttled by the broker); a request answered or timed out, and a new
// one that cannot be sent at once, check the queue again anyway.
import { createRequire } from 'node:module';

interface RequestQueueInternals {
  pending: unknown[];
  scheduleCheckPendingRequests(this: RequestQueueInternals): void;
}

const requireFromHere = createRequire(__filename);
let patched = false;

/** Stops the idle 1 ms timer loop of kafkajs' request queues (idempotent; call before connecting). */
export function stopIdleRequestQueueTimers(): void {
  if (patched) return;
  const RequestQueue = requireFromHere('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
  const schedule = RequestQueue.prototype.scheduleCheckPendingRequests;
  if (typeof schedule !== 'function') throw new Error('kafkajs changed: RequestQueue.scheduleCheckPendingRequests is gone; review kafka-request-queue.ts');
  RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleOnlyWhenPending(this: RequestQueueInternals): void {
    if (this.pending.length === 0) return;
    schedule.call(this);
  };
  patched = true;
}
