// Failed authentication is counted per source address: after
// AUTH_FAILURES_PER_MINUTE wrong keys or tokens in a minute, that address gets
// 429 + Retry-After on every authenticated route until the minute is over,
// right key or not (answering a right key would tell a guesser when they hit).
// Keys are long and random, so this is not what makes guessing hopeless; it
// makes it loud and slow. In memory, per instance: behind N instances an
// address gets N times the budget, which is still far from useful to a guesser.
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ServiceConfig } from '../config/service.config';
import { tooManyRequestsProblem } from '../http/problem-details.filter';

interface Window {
  startedAt: number;
  failures: number;
}

const WINDOW_MS = 60_000;
/** Bound on tracked addresses, so a spray from many addresses cannot grow memory without limit. */
const MAX_TRACKED = 50_000;

export class AuthFailureCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limitPerMinute: number) {}

  /** Seconds the address must wait, or 0 when it may try. */
  retryAfter(address: string, now: number): number {
    const window = this.windows.get(address);
    if (!window) return 0;
    const endsAt = window.startedAt + WINDOW_MS;
    if (now >= endsAt) {
      this.windows.delete(address);
      return 0;
    }
    return window.failures >= this.limitPerMinute ? Math.ceil((endsAt - now) / 1000) : 0;
  }

  recordFailure(address: string, now: number): void {
    const window = this.windows.get(address);
    if (window && now < window.startedAt + WINDOW_MS) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= MAX_TRACKED) this.evictExpired(now);
    if (this.windows.size >= MAX_TRACKED) this.windows.delete(this.windows.keys().next().value as string);
    this.windows.set(address, { startedAt: now, failures: 1 });
  }

  private evictExpired(now: number): void {
    for (const [address, window] of this.windows) if (now >= window.startedAt + WINDOW_MS) this.windows.delete(address);
  }
}

export function sourceAddress(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

/** Shared by every guard that checks a secret (ops token, agency key, monitor session). */
@Injectable()
export class AuthFailureThrottle {
  private readonly counter: AuthFailureCounter;

  constructor(config: ServiceConfig) {
    this.counter = new AuthFailureCounter(config.AUTH_FAILURES_PER_MINUTE);
  }

  /** Throws a 429 problem while the request's address is blocked. */
  assertAllowed(req: Request): void {
    const wait = this.counter.retryAfter(sourceAddress(req), Date.now());
    if (wait > 0) {
      throw tooManyRequestsProblem('Too many failed authentication attempts from this address; retry after the time in Retry-After.', wait);
    }
  }

  recordFailure(req: Request): void {
    this.counter.recordFailure(sourceAddress(req), Date.now());
  }
}
