// When the outbox relay's next claim may start. Every claim costs the same
// fixed work whatever it carries (a claim transaction, a produce, a fetch
// response at each consumer group downstream, their transactions), so at a
// steady trickle of single events a relay woken by every commit pays it once
// per event. A busy relay therefore lingers: after a claim that published
// rows, the next one starts `lingerMs` after that claim started, and carries
// whatever committed meanwhile. A relay that published nothing for
// `lingerMs` is idle: a wake-up claims at once, so a lone event waits for
// nothing.

/** Default linger of a busy relay (docs/performance.md "Relay linger when busy (lane 17a)"). */
export const DEFAULT_RELAY_LINGER_MS = 25;

/**
 * Milliseconds to wait before the next claim (0: claim now). `lastBusyClaimAt`
 * is when the last claim that published rows started (same clock as `now`),
 * undefined if none has yet.
 */
export function lingerDelay(now: number, lastBusyClaimAt: number | undefined, lingerMs: number): number {
  if (lingerMs <= 0 || lastBusyClaimAt === undefined) return 0;
  return Math.max(0, lastBusyClaimAt + lingerMs - now);
}

/** Checks a configured linger: a whole number of milliseconds, 0 for none. */
export function checkLingerMs(lingerMs: number): number {
  if (!Number.isSafeInteger(lingerMs) || lingerMs < 0) throw new Error(`outbox relay lingerMs must be a non-negative integer, got ${lingerMs}`);
  return lingerMs;
}
