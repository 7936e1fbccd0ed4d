// Recruiting ops and admins authenticate with a bearer token from config.
// Compared in constant time so the token cannot be guessed byte by byte.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request } from 'express';
import { ServiceConfig } from '../config/service.config';
import { unauthorizedProblem } from '../http/problem-details.filter';
import { AuthFailureThrottle } from './auth-failure-throttle';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/**
 * A route guarded by one bearer token from config: compared in constant time,
 * failures counted per source address (throttled like every failed
 * authentication). Subclasses say which token and how to ask for it.
 */
export abstract class BearerTokenGuard implements CanActivate {
  constructor(protected readonly failures: AuthFailureThrottle) {}

  protected abstract expectedToken(): string;
  /** The 401's detail: which token this route takes. */
  protected abstract refusal(): string;

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    this.failures.assertAllowed(req);
    const token = bearerToken(req);
    if (token && timingSafeEqual(digest(token), digest(this.expectedToken()))) return true;
    this.failures.recordFailure(req);
    throw unauthorizedProblem(this.refusal());
  }
}

@Injectable()
export class OpsTokenGuard extends BearerTokenGuard {
  constructor(
    private readonly config: ServiceConfig,
    failures: AuthFailureThrottle,
  ) {
    super(failures);
  }

  protected expectedToken(): string {
    return this.config.OPS_TOKEN;
  }

  protected refusal(): string {
    return 'This route needs the ops token: Authorization: Bearer <OPS_TOKEN>.';
  }
}
