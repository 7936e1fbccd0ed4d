import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuthFailureThrottle, bearerToken, unauthorizedProblem } from '@hiring/platform';
import { MonitorSessionsService } from './monitor-sessions.service';

/**
 * For what a browser reads without headers (the live stream): the page's
 * session cookie, or the ops bearer token for scripts and tests. Only GET
 * routes that read are behind it; the cookie is SameSite=Strict.
 */
@Injectable()
export class MonitorSessionGuard implements CanActivate {
  constructor(
    private readonly sessions: MonitorSessionsService,
    private readonly failures: AuthFailureThrottle,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    this.failures.assertAllowed(req);
    if (this.sessions.admits({ bearerToken: bearerToken(req), cookieHeader: req.headers.cookie })) return true;
    this.failures.recordFailure(req);
    throw unauthorizedProblem('Open the monitor page with the ops token first (it sets a session cookie), or send Authorization: Bearer <OPS_TOKEN>.');
  }
}
