import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AgencyKeyGuard, CurrentAgency } from '../agencies/agency-key.guard';
import { AgencyThrottlerGuard } from '../agencies/agency-throttler.guard';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { ManageWebhookEndpointsService } from './manage-webhook-endpoints.service';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import {
  CreateWebhookEndpointDto,
  DeliveriesPageResponse,
  DeliveriesQueryDto,
  RedeliverDto,
  RedeliverResponse,
  RotateWebhookSecretDto,
  WebhookEndpointResponse,
  WebhookEndpointWithSecretResponse,
} from './webhook.dto';

/** An agency's own webhooks: every route is scoped to the agency of the API key. */
@ApiTags('webhooks (agency)')
@ApiSecurity('agency-key')
@ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked x-api-key (problem+json)' })
@ApiTooManyRequestsResponse({ description: 'Rate limit per API key exceeded (problem+json)' })
@UseGuards(AgencyKeyGuard, AgencyThrottlerGuard)
@Controller('v1/webhooks')
export class AgencyWebhooksController {
  constructor(
    private readonly endpoints: ManageWebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Post('endpoints')
  @ApiOperation({ summary: 'Register an endpoint; the secret is shown only in this answer when we generate it' })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretResponse })
  register(@CurrentAgency() agency: AuthenticatedAgency, @Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretResponse> {
    return this.endpoints.register(agency.id, dto);
  }

  @Get('endpoints')
  @ApiOkResponse({ type: [WebhookEndpointResponse] })
  list(@CurrentAgency() agency: AuthenticatedAgency): Promise<WebhookEndpointResponse[]> {
    return this.endpoints.list(agency.id);
  }

  @Get('endpoints/:id')
  @ApiOkResponse({ type: WebhookEndpointResponse })
  get(@CurrentAgency() agency: AuthenticatedAgency, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointResponse> {
    return this.endpoints.get(agency.id, id);
  }

  @Post('endpoints/:id/secret/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'New secret; the old one keeps signing (a second signature) for the grace period' })
  @ApiOkResponse({ type: WebhookEndpointWithSecretResponse })
  rotate(@CurrentAgency() agency: AuthenticatedAgency, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RotateWebhookSecretDto): Promise<WebhookEndpointWithSecretResponse> {
    return this.endpoints.rotateSecret(agency.id, id, dto);
  }

  @Post('endpoints/:id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled endpoint; what waited is delivered in order' })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  enable(@CurrentAgency() agency: AuthenticatedAgency, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointResponse> {
    return this.endpoints.enable(agency.id, id);
  }

  @Delete('endpoints/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; what was still queued for it is cancelled' })
  delete(@CurrentAgency() agency: AuthenticatedAgency, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.endpoints.delete(agency.id, id);
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'Delivery attempts to this agency’s endpoints, newest first, cursor-paged (kept 30 days)' })
  @ApiOkResponse({ type: DeliveriesPageResponse })
  deliveriesLog(@CurrentAgency() agency: AuthenticatedAgency, @Query() query: DeliveriesQueryDto): Promise<DeliveriesPageResponse> {
    return this.deliveries.list(agency.id, query);
  }

  @Post('redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send finished deliveries again: one event, or the events of a time range' })
  @ApiOkResponse({ type: RedeliverResponse })
  redeliver(@CurrentAgency() agency: AuthenticatedAgency, @Body() dto: RedeliverDto): Promise<RedeliverResponse> {
    return this.deliveries.redeliver(agency.id, dto);
  }
}
