// STOPGAP until @hiring/messaging starts without a reachable broker: its
// MessagingHost awaits producer.connect() in onApplicationBootstrap, so with
// Kafka down the service would crash at boot instead of running NOT ready.
// The module is configured with relay and consumer disabled and this starts
// both in the background, retrying with backoff, from the same options and
// the same discovered @ConsumeEvents handlers. Remove it (and the two
// `enabled: false`) once the library does this itself.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import {
  BatchConsumer,
  contractsDecoder,
  MESSAGING_KAFKA,
  MessagingHost,
  MessagingMetrics,
  nestMessagingLogger,
  OutboxRelay,
} from '@hiring/messaging';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

export interface DeferredConsumerOptions {
  groupId: string;
  schema: string;
  partitionsConsumedConcurrently?: number;
  maxChunkSize?: number;
  fromBeginning?: boolean;
}

export const DEFERRED_CONSUMER_OPTIONS = Symbol('DEFERRED_CONSUMER_OPTIONS');

@Injectable()
export class DeferredMessagingStart implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('messaging-start');
  private stopping = false;
  private consumer: BatchConsumer | undefined;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly host: MessagingHost,
    private readonly relay: OutboxRelay,
    private readonly metrics: MessagingMetrics,
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(DEFERRED_CONSUMER_OPTIONS) private readonly options: DeferredConsumerOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.startWithRetry();
  }

  /** Before the data source closes: stop retrying, then drain the consumer and the relay. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    // An attempt still connecting to an unreachable broker is abandoned, not awaited (it may take kafkajs' whole retry budget).
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    await this.consumer?.stop();
    await this.relay.stop();
  }

  private async startWithRetry(): Promise<void> {
    await this.retry('outbox relay', () => this.relay.start());
    const handlers = this.host.discoverHandlers();
    if (handlers.length === 0) return;
    await this.retry('consumer', async () => {
      const consumer = new BatchConsumer(this.kafka, this.dataSource, {
        ...this.options,
        handlers,
        decode: contractsDecoder,
        metrics: this.metrics,
        logger: nestMessagingLogger(),
      });
      await consumer.start();
      this.consumer = consumer;
      this.logger.log(`consumer started (group ${this.options.groupId}): ${handlers.map((h) => `${h.topic} -> ${h.name}`).join(', ')}`);
    });
  }

  private async retry(what: string, start: () => Promise<void>): Promise<void> {
    for (let attempt = 1, delayMs = 1_000; !this.stopping; attempt++, delayMs = Math.min(delayMs * 2, 30_000)) {
      try {
        await start();
        return;
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn(`${what} could not start (attempt ${attempt}), retrying in ${delayMs} ms: ${error instanceof Error ? error.message : String(error)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
