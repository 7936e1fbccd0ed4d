// Agency routes authenticate with `x-api-key`. The guard resolves the key to
// its agency and attaches it to the request (read with @CurrentAgency()).
import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthFailureThrottle, unauthorizedProblem } from '@hiring/platform';
import type { Request } from 'express';
import { AuthenticateAgencyService, type AuthenticatedAgency } from './authenticate-agency.service';

export const API_KEY_HEADER = 'x-api-key';

export type AgencyRequest = Request & { agency?: AuthenticatedAgency };

@Injectable()
export class AgencyKeyGuard implements CanActivate {
  constructor(
    private readonly authenticate: AuthenticateAgencyService,
    private readonly failures: AuthFailureThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AgencyRequest>();
    this.failures.assertAllowed(req);
    const key = req.headers[API_KEY_HEADER];
    const agency = typeof key === 'string' ? await this.authenticate.execute(key) : undefined;
    if (!agency) {
      this.failures.recordFailure(req);
      throw unauthorizedProblem('This route needs a valid, unrevoked agency API key in the x-api-key header.');
    }
    req.agency = agency;
    return true;
  }
}

export const CurrentAgency = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedAgency => {
  const agency = context.switchToHttp().getRequest<AgencyRequest>().agency;
  if (!agency) throw new Error('CurrentAgency used on a route without AgencyKeyGuard');
  return agency;
});
