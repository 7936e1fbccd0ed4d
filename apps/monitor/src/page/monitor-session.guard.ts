import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuthFailureThrottle, bearerToken, Clock, unauthorizedProblem } from '@hiring/platform';
import { MonitorConfig } from '../monitor.config';
import { isOpsToken, readCookie, SESSION_COOKIE, verifySession } from './monitor-session';

/**
 * For what a browser reads without headers (the live stream): the page's
 * session cookie, or the ops bearer token for scripts and tests. Only GET
 * routes that read are behind it; the cookie is SameSite=Strict.
 */
@Injectable()
export class MonitorSessionGuard implements CanActivate {
  constructor(
    private readonly config: MonitorConfig,
    private readonly clock: Clock,
    private readonly failures: AuthFailureThrottle,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    this.failures.assertAllowed(req);
    if (isOpsToken(this.config.OPS_TOKEN, bearerToken(req))) return true;
    if (verifySession(this.config.OPS_TOKEN, readCookie(req.headers.cookie, SESSION_COOKIE), this.clock.now())) return true;
    this.failures.recordFailure(req);
    throw unauthorizedProblem('Open the monitor page with the ops token first (it sets a session cookie), or send Authorization: Bearer <OPS_TOKEN>.');
  }
}
