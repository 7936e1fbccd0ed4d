import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RescreenReport } from '@hiring/contracts';
import { OpsTokenGuard } from '@hiring/platform';
import { GetScreeningsService, type CandidateScreenings } from './get-screenings.service';
import { RescreenCandidatesService } from './rescreen-candidates.service';
import { RescreenDto } from './screening.dto';

@ApiTags('screenings')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1')
export class ScreeningsController {
  constructor(
    private readonly getScreenings: GetScreeningsService,
    private readonly rescreenCandidates: RescreenCandidatesService,
  ) {}

  @Get('screenings/:candidateId')
  @ApiOperation({ summary: "A candidate's latest screening and the history (one per rubric version), with per-rule evidence" })
  get(@Param('candidateId') candidateId: string): Promise<CandidateScreenings> {
    return this.getScreenings.execute(candidateId);
  }

  @Post('rescreen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay the rubric (a given version, or the one in force) over every stored candidate; dryRun reports only' })
  rescreen(@Body() dto: RescreenDto): Promise<RescreenReport> {
    return this.rescreenCandidates.execute({ rubricVersion: dto.rubricVersion, dryRun: dto.dryRun });
  }
}
