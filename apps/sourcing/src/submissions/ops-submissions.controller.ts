import { Controller, Get, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { GetSubmissionService } from './get-submission.service';
import { ListDuplicatesService } from './list-duplicates.service';
import { DuplicateResponse, ListDuplicatesQuery, OpsSubmissionResponse } from './submission.dto';

@ApiTags('submissions (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1')
export class OpsSubmissionsController {
  constructor(
    private readonly getSubmission: GetSubmissionService,
    private readonly listDuplicates: ListDuplicatesService,
  ) {}

  @Get('ops/submissions/:id')
  @ApiOperation({ summary: 'Any submission, with its agency, identity (PII) and, for a duplicate, the owning agency' })
  @ApiOkResponse({ type: OpsSubmissionResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OpsSubmissionResponse> {
    return this.getSubmission.forOps(id);
  }

  @Get('duplicates')
  @ApiOperation({ summary: 'Cross-agency duplicates with both agencies, newest first' })
  @ApiOkResponse({ type: [DuplicateResponse] })
  duplicates(@Query() query: ListDuplicatesQuery): Promise<DuplicateResponse[]> {
    return this.listDuplicates.execute({ agencyId: query.agencyId, limit: query.limit ?? 100 });
  }
}
