import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** Same shape as the contracts' identifiers: the page and the API narrow every number to one agency and/or requisition. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export class PipelineFilterDto {
  @ApiPropertyOptional({ description: 'Only candidates submitted by this agency' })
  @IsOptional() @Matches(IDENTIFIER, { message: 'agencyId must be an identifier' })
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Only candidates on this requisition' })
  @IsOptional() @Matches(IDENTIFIER, { message: 'requisitionId must be an identifier' })
  requisitionId?: string;
}
