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

@Injectable()
export class OpsTokenGuard implements CanActivate {
  constructor(
    private readonly config: ServiceConfig,
    private readonly failures: AuthFailureThrottle,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    this.failures.assertAllowed(req);
    const token = bearerToken(req);
    if (token && timingSafeEqual(digest(token), digest(this.config.OPS_TOKEN))) return true;
    this.failures.recordFailure(req);
    throw unauthorizedProblem('This route needs the ops token: Authorization: Bearer <OPS_TOKEN>.');
  }
}
