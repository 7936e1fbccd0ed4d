import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { CloseRequisitionService } from './close-requisition.service';
import { CreateRequisitionService } from './create-requisition.service';
import { FindRequisitionsService } from './find-requisitions.service';
import { CreateRequisitionDto, ListRequisitionsQuery, RequisitionResponse } from './requisition.dto';

@ApiTags('requisitions (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/requisitions')
export class RequisitionsController {
  constructor(
    private readonly createRequisition: CreateRequisitionService,
    private readonly findRequisitions: FindRequisitionsService,
    private readonly closeRequisition: CloseRequisitionService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open a requisition; the role advisor recommends its target role unless targetRole is given' })
  @ApiCreatedResponse({ type: RequisitionResponse })
  create(@Body() dto: CreateRequisitionDto): Promise<RequisitionResponse> {
    return this.createRequisition.execute(dto);
  }

  @Get()
  @ApiOkResponse({ type: [RequisitionResponse] })
  list(@Query() query: ListRequisitionsQuery): Promise<RequisitionResponse[]> {
    return this.findRequisitions.list(query.status);
  }

  @Get(':id')
  @ApiOkResponse({ type: RequisitionResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<RequisitionResponse> {
    return this.findRequisitions.get(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: RequisitionResponse })
  close(@Param('id', ParseUUIDPipe) id: string): Promise<RequisitionResponse> {
    return this.closeRequisition.execute(id);
  }
}
