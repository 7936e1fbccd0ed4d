import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
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
}
