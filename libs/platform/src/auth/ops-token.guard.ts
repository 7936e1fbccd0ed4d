// Recruiting ops and admins authenticate with a bearer token from config.
// Compared in constant time so the token cannot be guessed byte by byte.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request } from 'express';
import { ServiceConfig } from '../config/service.config';
import { ProblemException } from '../http/problem-details.filter';

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
  constructor(private readonly config: ServiceConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = bearerToken(context.switchToHttp().getRequest<Request>());
    if (token && timingSafeEqual(digest(token), digest(this.config.OPS_TOKEN))) return true;
    throw new ProblemException({
      type: 'https://hiring.local/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'This route needs the ops token: Authorization: Bearer <OPS_TOKEN>.',
    });
  }
}
