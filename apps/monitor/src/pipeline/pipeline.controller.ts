import { Controller, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { OpsTokenGuard } from '@hiring/platform';
import { sessionCookieHeader } from '../page/monitor-session';
import { MonitorSessionGuard } from '../page/monitor-session.guard';
import { MonitorSessionsService } from '../page/monitor-sessions.service';
import { DeadLetterListReader, type DeadLetterList } from './dead-letter-list.reader';
import { GetPipelineSnapshotService, type PipelineSnapshot } from './get-pipeline-snapshot.service';
import { PipelineFilterDto } from './pipeline-filter.dto';
import { PipelineStreams } from './pipeline-streams';

@ApiTags('pipeline')
@ApiBearerAuth()
@Controller('v1/pipeline')
export class PipelineController {
  constructor(
    private readonly snapshots: GetPipelineSnapshotService,
    private readonly streams: PipelineStreams,
    private readonly sessions: MonitorSessionsService,
    private readonly deadLetters: DeadLetterListReader,
  ) {}

  @Get()
  @UseGuards(OpsTokenGuard)
  @ApiOperation({
    summary: 'Stage counts, conversion, time in stage, per-agency service levels, DLQ depth and consumer lag',
    description: 'Narrow to one agency and/or requisition with ?agencyId= and ?requisitionId=. Ops bearer token only.',
  })
  get(@Query() filter: PipelineFilterDto): Promise<PipelineSnapshot> {
    return this.snapshots.execute(filter);
  }

  @Get('stream')
  @UseGuards(MonitorSessionGuard)
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'The same snapshot as Server-Sent Events: one at once, then on every change',
    description: "The page's session cookie (set by GET /?token= or POST /v1/pipeline/session) or the ops bearer token.",
  })
  stream(@Query() filter: PipelineFilterDto, @Res() res: Response): void {
    this.streams.start(res, filter);
  }

  @Get('dead-letters')
  @UseGuards(MonitorSessionGuard)
  @ApiOperation({
    summary: 'The dead letters waiting in each .dlq topic (oldest 20 per topic): reason, errors, source, and the CLI command that replays each',
    description: "The page's session cookie or the ops bearer token. The original bytes are not returned (they may hold personal data): use hiring dlq show.",
  })
  listDeadLetters(): Promise<DeadLetterList> {
    return this.deadLetters.list();
  }

  @Post('session')
  @HttpCode(204)
  @UseGuards(OpsTokenGuard)
  @ApiOperation({ summary: "Exchanges the ops bearer token for the page's session cookie (HttpOnly, SameSite=Strict)" })
  session(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const session = this.sessions.issue();
    res.setHeader('Set-Cookie', sessionCookieHeader(session.value, session.maxAgeSec, req.secure));
  }
}
