import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TARGET_ROLES, type TargetRole } from '@hiring/contracts';
import { PERIODS, type Period } from './pipeline-views';

/** Same shape as the contracts' identifiers: the page and the API narrow every number to one agency and/or requisition. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export class PipelineFilterDto {
  @ApiPropertyOptional({ description: 'Only candidates submitted by this agency' })
  @IsOptional() @Matches(IDENTIFIER, { message: 'agencyId must be an identifier' })
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Only candidates on this requisition' })
  @IsOptional() @Matches(IDENTIFIER, { message: 'requisitionId must be an identifier' })
  requisitionId?: string;

  @ApiPropertyOptional({ enum: TARGET_ROLES, description: 'Only candidates on requisitions for this role' })
  @IsOptional() @IsIn(TARGET_ROLES, { message: `role must be one of ${TARGET_ROLES.join(', ')}` })
  role?: TargetRole;

  @ApiPropertyOptional({ enum: PERIODS, description: 'Only candidates that entered the pipeline within this period (default all)' })
  @IsOptional() @IsIn(PERIODS, { message: `period must be one of ${PERIODS.join(', ')}` })
  period?: Period;
}
