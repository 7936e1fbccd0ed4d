import { Controller, Get, Param, ParseUUIDPipe, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { SourcingProblemFilter } from '../shared/sourcing-problem.filter';
import { GetSubmissionService } from './get-submission.service';
import { ListDuplicatesService } from './list-duplicates.service';
import { DuplicateResponse, OpsSubmissionResponse } from './submission.dto';

export class ListDuplicatesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only duplicates where this agency submitted or owns' })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

@ApiTags('submissions (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@UseFilters(SourcingProblemFilter)
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
