import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { GetScoreService } from './get-score.service';
import type { ScoreView } from './score.mapper';

@ApiTags('scores')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/scores')
export class ScoresController {
  constructor(private readonly getScore: GetScoreService) {}

  @Get(':candidateId')
  @ApiOperation({ summary: "A candidate's current score with its breakdown per group and rule, penalties and rubric version" })
  get(@Param('candidateId') candidateId: string): Promise<ScoreView> {
    return this.getScore.execute(candidateId);
  }
}
