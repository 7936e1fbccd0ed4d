// Agencies (with their key) and ops (for any agency) register, rotate,
// enable and remove webhook endpoints. `agencyId` undefined = ops, who may
// reach every agency's endpoints; an agency's id scopes every statement.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkWebhookUrl } from '@hiring/domain';
import { Clock } from '@hiring/platform';
import { AgencyRepository } from '../agencies/agency.repository';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { SourcingConfig } from '../sourcing.config';
import { WebhookEndpointRepository, type WebhookEndpoint } from './webhook-endpoint.repository';
import { toWebhookEndpointResponse } from './webhook-endpoint.mapper';
import { WebhookSecrets } from './webhook-secrets';
import type { CreateWebhookEndpointDto, RotateWebhookSecretDto, WebhookEndpointResponse, WebhookEndpointWithSecretResponse } from './webhook.dto';

@Injectable()
export class ManageWebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly agencies: AgencyRepository,
    private readonly secrets: WebhookSecrets,
    private readonly config: SourcingConfig,
    private readonly clock: Clock,
  ) {}

  async register(agencyId: string, dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretResponse> {
    const url = checkWebhookUrl(dto.url, { allowPrivateAddresses: this.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true' });
    if (!url.ok) throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The webhook URL is refused.', [{ path: 'url', message: url.reason }]);
    if (!(await this.agencies.findById(agencyId))) throw new SourcingException(SourcingExceptionCode.AGENCY_NOT_FOUND, `No agency ${agencyId}.`);
    const id = randomUUID();
    const secret = dto.secret ?? this.secrets.generate();
    const endpoint = await this.endpoints.create({ id, agencyId, url: url.url.toString(), eventTypes: dto.eventTypes, secret: this.secrets.seal(secret, id) });
    return { endpoint: this.toResponse(endpoint), ...(dto.secret === undefined ? { secret } : {}) };
  }

  async list(agencyId: string | undefined): Promise<WebhookEndpointResponse[]> {
    return (await this.endpoints.list(agencyId)).map((e) => this.toResponse(e));
  }

  async get(agencyId: string | undefined, id: string): Promise<WebhookEndpointResponse> {
    return this.toResponse(this.found(await this.endpoints.find(agencyId, id), id));
  }

  /** The new secret signs from now on; the old one too, until the grace period ends (two signatures). */
  async rotateSecret(agencyId: string | undefined, id: string, dto: RotateWebhookSecretDto): Promise<WebhookEndpointWithSecretResponse> {
    const secret = dto.secret ?? this.secrets.generate();
    const graceSeconds = dto.graceSeconds ?? this.config.WEBHOOK_SECRET_GRACE_SECONDS;
    const until = new Date(this.clock.now().getTime() + graceSeconds * 1000);
    const endpoint = this.found(await this.endpoints.rotateSecret(agencyId, id, this.secrets.seal(secret, id), until), id);
    return { endpoint: this.toResponse(endpoint), ...(dto.secret === undefined ? { secret } : {}) };
  }

  /** After a disablement: deliveries that waited go out again, in order. */
  async enable(agencyId: string | undefined, id: string): Promise<WebhookEndpointResponse> {
    return this.toResponse(this.found(await this.endpoints.enable(agencyId, id), id));
  }

  async delete(agencyId: string | undefined, id: string): Promise<void> {
    if (!(await this.endpoints.delete(agencyId, id))) this.found(undefined, id);
  }

  private found(endpoint: WebhookEndpoint | undefined, id: string): WebhookEndpoint {
    // Another agency's endpoint is "not found" too: its existence is not this agency's business.
    if (!endpoint) throw new SourcingException(SourcingExceptionCode.WEBHOOK_ENDPOINT_NOT_FOUND, `No webhook endpoint ${id}.`);
    return endpoint;
  }

  private toResponse(e: WebhookEndpoint): WebhookEndpointResponse {
    return toWebhookEndpointResponse(e, this.clock.now());
  }
}
