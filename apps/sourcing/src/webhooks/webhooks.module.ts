import { Module } from '@nestjs/common';
import { MasterKeyRing } from '@hiring/platform';
import { SourcingConfig } from '../sourcing.config';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookLogRepository } from './webhook-log.repository';
import { WebhookOutbox } from './webhook-outbox.repository';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhookMetrics } from './webhook.metrics';

/**
 * The webhook outbox, its dispatcher and the delivery log's storage. The
 * HTTP routes live with the other agency and ops routes (SourcingModule),
 * which use the agency key guard.
 */
@Module({
  providers: [
    { provide: WebhookSecrets, inject: [SourcingConfig], useFactory: (config: SourcingConfig) => new WebhookSecrets(MasterKeyRing.parse(config.PERSONAL_DATA_MASTER_KEYS)) },
    { provide: WebhookMetrics, inject: [WebhookLogRepository], useFactory: (log: WebhookLogRepository) => new WebhookMetrics(() => log.totals()) },
    WebhookOutbox,
    WebhookEndpointRepository,
    WebhookDeliveryRepository,
    WebhookLogRepository,
    WebhookSender,
    WebhookDispatcher,
  ],
  exports: [WebhookOutbox, WebhookSecrets, WebhookEndpointRepository, WebhookLogRepository, WebhookDispatcher],
})
export class WebhooksModule {}
