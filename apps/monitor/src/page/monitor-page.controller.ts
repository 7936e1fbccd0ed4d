import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { AuthFailureThrottle } from '@hiring/platform';
import { GetPipelineSnapshotService, type PipelineSnapshot } from '../pipeline/get-pipeline-snapshot.service';
import { PipelineFilterDto } from '../pipeline/pipeline-filter.dto';
import { sessionCookieHeader } from './monitor-session';
import { MonitorSessionsService } from './monitor-sessions.service';
import { dashboardPage, signInPage } from './monitor-page.html';

export class MonitorPageQueryDto extends PipelineFilterDto {
  /** The ops token, once: exchanged for the session cookie, then redirected away from the URL. */
  @IsOptional() @IsString() @MaxLength(500)
  token?: string;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // Everything is inline; nothing may be loaded from elsewhere.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

@ApiExcludeController()
@Controller()
export class MonitorPageController {
  private readonly logger = new Logger(MonitorPageController.name);

  constructor(
    private readonly sessions: MonitorSessionsService,
    private readonly snapshots: GetPipelineSnapshotService,
    private readonly failures: AuthFailureThrottle,
  ) {}

  /**
   * The live page. With a valid session cookie: the page. With `?token=`: the
   * cookie is set and the browser is sent to the same URL without the token.
   * Otherwise: the sign-in form (200; a wrong `?token=` is a 401).
   */
  @Get()
  async page(@Query() query: MonitorPageQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.set(PAGE_HEADERS);
    const filter = new URLSearchParams();
    if (query.agencyId) filter.set('agencyId', query.agencyId);
    if (query.requisitionId) filter.set('requisitionId', query.requisitionId);
    if (query.role) filter.set('role', query.role);
    if (query.period) filter.set('period', query.period);
    if (query.token !== undefined) {
      this.failures.assertAllowed(req);
      const session = this.sessions.exchange(query.token);
      if (!session) {
        this.failures.recordFailure(req);
        res.status(401).send(signInPage('That is not the ops token.'));
        return;
      }
      res.setHeader('Set-Cookie', sessionCookieHeader(session.value, session.maxAgeSec, req.secure));
      res.redirect(303, `/${filter.size ? `?${filter.toString()}` : ''}`);
      return;
    }
    if (!this.sessions.hasSession(req.headers.cookie)) {
      // 200, not 401: the sign-in form is the expected first page of a fresh browser, not an error in its console.
      res.status(200).send(signInPage(''));
      return;
    }
    let initial: PipelineSnapshot | undefined;
    try {
      initial = await this.snapshots.execute({ agencyId: query.agencyId, requisitionId: query.requisitionId, role: query.role, period: query.period });
    } catch (error) {
      // the page still loads and the stream fills it in once the database answers
      this.logger.warn(`initial snapshot unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    res.status(200).send(dashboardPage(initial));
  }
}
