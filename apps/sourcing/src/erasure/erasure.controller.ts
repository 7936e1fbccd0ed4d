import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { EraseCandidateService } from './erase-candidate.service';
import { EraseCandidateDto, ErasureResponse } from './erasure.dto';

@ApiTags('erasure (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/ops/candidates')
export class ErasureController {
  constructor(private readonly eraseCandidate: EraseCandidateService) {}

  @Post(':candidateId/erasure')
  @HttpCode(200)
  @ApiOperation({ summary: "Erase a candidate's personal data in every service (idempotent)" })
  @ApiOkResponse({ type: ErasureResponse })
  async erase(@Param('candidateId', ParseUUIDPipe) candidateId: string, @Body() body: EraseCandidateDto): Promise<ErasureResponse> {
    const { erasure, erasedNow, intakePurged } = await this.eraseCandidate.execute(candidateId, body.requestedBy);
    return {
      candidateId: erasure.candidateId,
      requestedBy: erasure.requestedBy,
      erasedAt: erasure.erasedAt.toISOString(),
      erasedNow,
      dataKeyDestroyed: erasure.dataKeyDestroyed,
      intakePurged,
    };
  }
}
