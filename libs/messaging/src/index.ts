// Kafka messaging for the pipeline's services: a batch consumer host with
// inbox-based idempotency, retry and dead-lettering; a transactional outbox and
// its relay; lag, metrics and health helpers; dead-letter tools for the CLI.
export * from './lib/types';
export * from './lib/failure-policy';
export * from './lib/consume-events.decorator';
export * from './lib/batch-consumer';
export * from './lib/outbox';
export * from './lib/outbox-relay';
export * from './lib/idempotent-producer';
export * from './lib/messaging.migration';
export * from './lib/messaging.metrics';
export * from './lib/messaging.health';
export * from './lib/messaging.options';
export * from './lib/messaging.module';
export * from './lib/messaging.host';
export * from './lib/consumer-lag';
export * from './lib/dead-letter';
export * from './lib/dead-letters';
export * from './lib/cloud-event.decoder';
export * from './lib/contracts-adapter';
export { delay, Wakeup, withTimeout, type MessagingLogger } from './lib/util';
export * from './lib/topic-leaders';
