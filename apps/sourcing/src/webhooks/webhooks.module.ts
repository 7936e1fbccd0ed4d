import { Module } from '@nestjs/common';
import { MasterKeyRing } from '@hiring/platform';
import { AgenciesModule } from '../agencies/agencies.module';
import { SharedModule } from '../shared/shared.module';
import { AgencyWebhooksController } from './agency-webhooks.controller';
import { ManageWebhookEndpointsService } from './manage-webhook-endpoints.service';
import { OpsWebhooksController } from './ops-webhooks.controller';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookLogRepository } from './webhook-log.repository';
import { WebhookOutbox } from './webhook-outbox.repository';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhookMetrics } from './webhook.metrics';

/**
 * Agencies' webhook endpoints, the outbox other features enqueue notices
 * into, its dispatcher and the delivery log.
 */
@Module({
  imports: [AgenciesModule, SharedModule],
  controllers: [AgencyWebhooksController, OpsWebhooksController],
  providers: [
    { provide: WebhookSecrets, inject: [MasterKeyRing], useFactory: (ring: MasterKeyRing) => new WebhookSecrets(ring) },
    { provide: WebhookMetrics, inject: [WebhookLogRepository], useFactory: (log: WebhookLogRepository) => new WebhookMetrics(() => log.totals()) },
    WebhookOutbox,
    WebhookEndpointRepository,
    WebhookDeliveryRepository,
    WebhookLogRepository,
    WebhookSender,
    WebhookDispatcher,
    ManageWebhookEndpointsService,
    WebhookDeliveriesService,
  ],
  exports: [WebhookOutbox, WebhookSecrets, WebhookEndpointRepository, WebhookLogRepository, WebhookDispatcher],
})
export class WebhooksModule {}
