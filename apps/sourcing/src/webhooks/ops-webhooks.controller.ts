import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { OpsTokenGuard } from '@hiring/platform';
import { ManageWebhookEndpointsService } from './manage-webhook-endpoints.service';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import type { AgencyWebhookHealth } from './webhook-log.repository';
import {
  DeliveriesPageResponse,
  OpsCreateWebhookEndpointDto,
  OpsDeliveriesQueryDto,
  OpsRedeliverDto,
  RedeliverResponse,
  RotateWebhookSecretDto,
  WebhookEndpointResponse,
  WebhookEndpointWithSecretResponse,
} from './webhook.dto';

class OpsEndpointsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
}

/** Ops reach every agency's webhooks (the monitor reads /health from here). */
@ApiTags('webhooks (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/ops/webhooks')
export class OpsWebhooksController {
  constructor(
    private readonly endpoints: ManageWebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Post('endpoints')
  @ApiOperation({ summary: 'Register an endpoint for an agency' })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretResponse })
  register(@Body() dto: OpsCreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretResponse> {
    const { agencyId, ...endpoint } = dto;
    return this.endpoints.register(agencyId, endpoint);
  }

  @Get('endpoints')
  @ApiOkResponse({ type: [WebhookEndpointResponse] })
  list(@Query() query: OpsEndpointsQueryDto): Promise<WebhookEndpointResponse[]> {
    return this.endpoints.list(query.agencyId);
  }

  @Post('endpoints/:id/secret/rotate')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookEndpointWithSecretResponse })
  rotate(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RotateWebhookSecretDto): Promise<WebhookEndpointWithSecretResponse> {
    return this.endpoints.rotateSecret(undefined, id, dto);
  }

  @Post('endpoints/:id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookEndpointResponse })
  enable(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointResponse> {
    return this.endpoints.enable(undefined, id);
  }

  @Delete('endpoints/:id')
  @HttpCode(204)
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.endpoints.delete(undefined, id);
  }

  @Get('deliveries')
  @ApiOkResponse({ type: DeliveriesPageResponse })
  deliveriesLog(@Query() query: OpsDeliveriesQueryDto): Promise<DeliveriesPageResponse> {
    const { agencyId, ...rest } = query;
    return this.deliveries.list(agencyId, rest);
  }

  @Post('redeliver')
  @HttpCode(202)
  @ApiOkResponse({ type: RedeliverResponse })
  redeliver(@Body() dto: OpsRedeliverDto): Promise<RedeliverResponse> {
    return this.deliveries.redeliver(undefined, dto);
  }

  @Get('health')
  @ApiOperation({ summary: 'Webhook health per agency: endpoints, disabled ones with the reason, pending, delivered/failed in 24 h' })
  health(): Promise<AgencyWebhookHealth[]> {
    return this.deliveries.health();
  }
}
