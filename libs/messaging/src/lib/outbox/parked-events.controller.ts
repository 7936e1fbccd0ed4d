import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard, PROBLEM_BASE, ProblemException, validationProblem } from '@hiring/platform';
import { isParkedEventId, ParkedEvents, UnknownParkedEventsError, type ParkedEventList, type ParkedEventReplay } from './parked-events';

export const MAX_PARKED_PAGE = 1000;
export const DEFAULT_REPLAY_CHUNK = 500;

function boundedInt(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = /^[0-9]{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw validationProblem([{ path: name, message: `must be a whole number from ${min} to ${max}` }]);
  return n;
}

function parkedId(text: string | undefined, name: string): string {
  if (text === undefined || !isParkedEventId(text)) throw validationProblem([{ path: name, message: 'must be a parked event id (a positive whole number, from hiring outbox parked)' }]);
  return text;
}

/**
 * Ops routes over this service's parked outbox rows (every service with the
 * messaging module has them): the `hiring outbox` commands call these, so
 * the CLI needs the ops token, not a database URL, and the SQL stays beside
 * the relay that parks the rows.
 */
@ApiTags('outbox (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/ops/outbox/parked')
export class ParkedEventsController {
  constructor(private readonly parked: ParkedEvents) {}

  @Get()
  @ApiOperation({ summary: 'Events Kafka refused as too large, parked by the outbox relay: oldest first, without their values' })
  @ApiQuery({ name: 'limit', required: false, description: `rows to list, 0 to ${MAX_PARKED_PAGE} (default 100; 0: the count only)` })
  list(@Query('limit') limit?: string): Promise<ParkedEventList> {
    return this.parked.list(boundedInt(limit, 'limit', 100, 0, MAX_PARKED_PAGE));
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the oldest parked events (id at most `through`) back into the outbox; call again while `remaining` > 0' })
  @ApiQuery({ name: 'through', required: true, description: 'the newest id to replay (newestId of the list, taken before the first call)' })
  @ApiQuery({ name: 'limit', required: false, description: `events per call, 1 to ${MAX_PARKED_PAGE} (default ${DEFAULT_REPLAY_CHUNK})` })
  replayOldest(@Query('through') through?: string, @Query('limit') limit?: string): Promise<ParkedEventReplay> {
    return this.parked.replayOldest(parkedId(through, 'through'), boundedInt(limit, 'limit', DEFAULT_REPLAY_CHUNK, 1, MAX_PARKED_PAGE));
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move one parked event back into the outbox (404 when no row has this id)' })
  async replayOne(@Param('id') id: string): Promise<ParkedEventReplay> {
    try {
      return await this.parked.replay([parkedId(id, 'id')]);
    } catch (error) {
      if (error instanceof UnknownParkedEventsError) {
        throw new ProblemException({ type: PROBLEM_BASE + 'parked-event-not-found', title: 'Parked event not found', status: 404, detail: error.message });
      }
      throw error;
    }
  }
}
