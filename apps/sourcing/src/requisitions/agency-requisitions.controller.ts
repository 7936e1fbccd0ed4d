import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AgencyKeyGuard } from '../agencies/agency-key.guard';
import { AgencyThrottlerGuard } from '../agencies/agency-throttler.guard';
import { FindRequisitionsService } from './find-requisitions.service';
import { OpenRequisitionResponse } from './requisition.dto';

/** Agencies find the requisitions they can submit to. */
@ApiTags('requisitions (agency)')
@ApiSecurity('agency-key')
@ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked x-api-key (problem+json)' })
@UseGuards(AgencyKeyGuard, AgencyThrottlerGuard)
@Controller('v1/open-requisitions')
export class AgencyRequisitionsController {
  constructor(private readonly findRequisitions: FindRequisitionsService) {}

  @Get()
  @ApiOperation({ summary: 'Open requisitions: id (the requisitionId of a submission), title, location tier, target role' })
  @ApiOkResponse({ type: [OpenRequisitionResponse] })
  list(): Promise<OpenRequisitionResponse[]> {
    return this.findRequisitions.listOpenForAgencies();
  }
}
