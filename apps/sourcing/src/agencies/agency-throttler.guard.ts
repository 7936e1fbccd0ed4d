import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { tooManyRequestsProblem } from '@hiring/platform';
import type { AgencyRequest } from './agency-key.guard';

/**
 * Rate limit per agency API key (not per IP: agencies sit behind NATs and
 * proxies). Runs after AgencyKeyGuard, which has resolved the key.
 */
@Injectable()
export class AgencyThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as AgencyRequest;
    return Promise.resolve(request.agency ? `agency-key:${request.agency.keyId}` : `ip:${String(request.ip)}`);
  }

  /** A problem+json 429 with the standard Retry-After (the library's own says `Retry-After-<name>` and names its exception). */
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const perMinute = Math.round((detail.limit * 60_000) / detail.ttl);
    throw tooManyRequestsProblem(`This API key sent more than ${perMinute} requests in a minute; retry after the time in Retry-After.`, detail.timeToBlockExpire);
  }
}
