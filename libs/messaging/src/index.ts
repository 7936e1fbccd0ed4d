// Kafka messaging for the pipeline's services: a batch consumer host with
// inbox-based idempotency, retry and dead-lettering; a transactional outbox and
// its relay; lag, metrics and health helpers. The CLI's dead-letter tools have
// their own entry point, @hiring/messaging/dead-letters (re-exported here).
export * from './lib/types';
export * from './lib/failure-policy';
export * from './lib/consume-events.decorator';
export { BatchConsumer, type BatchConsumerOptions } from './lib/consumer/batch-consumer';
export type { EventHandlerRegistration } from './lib/consumer/handler-table';
export { inboxKey } from './lib/consumer/chunk-decoder';
export * from './lib/outbox/outbox';
export * from './lib/outbox/event-publisher';
export { OutboxRelay, type OutboxRelayOptions } from './lib/outbox/outbox-relay';
export { DEFAULT_RELAY_LINGER_MS } from './lib/outbox/relay-linger';
export { InboxPruner, type InboxPrunerOptions, type InboxPruneResult } from './lib/inbox/inbox-pruner';
export { DEFAULT_INBOX_RETENTION_DAYS, DEFAULT_INBOX_PRUNE_INTERVAL_MS, DEFAULT_INBOX_PRUNE_BATCH_SIZE } from './lib/inbox/inbox-retention';
export { OutboxListener } from './lib/outbox/outbox-listener';
export * from './lib/outbox/parked-events';
export { ParkedEventsController } from './lib/outbox/parked-events.controller';
export type { OutboxBatchResult } from './lib/outbox/outbox-batch';
export * from './lib/idempotent-producer';
export * from './lib/messaging.migration';
export * from './lib/messaging.metrics';
export * from './lib/messaging.health';
export * from './lib/messaging.options';
export * from './lib/messaging.module';
export * from './lib/messaging.host';
export * from './lib/consumer-lag';
export * from './dead-letters';
export * from './lib/cloud-event.decoder';
export * from './lib/contracts-adapter';
export { delay, Wakeup, type MessagingLogger } from './lib/util';
export * from './lib/topic-leaders';
export { stopIdleRequestQueueTimers } from './lib/kafka-request-queue';
export { streamlineKafkaEncoder } from './lib/kafka-encoder';
export { copyFetchedRecordBatches, releaseFetchedRecords } from './lib/kafka-fetch-buffers';
