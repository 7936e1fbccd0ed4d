import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { ScoringConfig } from './scoring.config';
import { SCORING_DATABASE, SCORING_SCHEMA } from './database/scoring.database';
import { DEFERRED_CONSUMER_OPTIONS, DeferredMessagingStart, type DeferredConsumerOptions } from './shared/deferred-messaging-start';
import { SCORING_EVENT_SOURCE } from './scores/scored-topic.publisher';
import { ScoringModule } from './scores/scoring.module';

@Module({})
export class AppModule {
  static register(config: ScoringConfig): DynamicModule {
    const consumer: DeferredConsumerOptions = {
      groupId: config.CONSUMER_GROUP,
      schema: SCORING_SCHEMA,
      partitionsConsumedConcurrently: config.CONSUMER_CONCURRENCY,
      maxChunkSize: config.CONSUMER_MAX_CHUNK,
      fromBeginning: config.CONSUMER_FROM_BEGINNING === 'true',
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'scoring', config, database: SCORING_DATABASE }),
        MessagingModule.forRoot({
          clientId: `scoring-${config.INSTANCE_ID}`,
          groupId: consumer.groupId,
          brokers: config.kafkaBrokers,
          schema: SCORING_SCHEMA,
          source: SCORING_EVENT_SOURCE,
          // Started by DeferredMessagingStart instead, so that boot survives an unreachable broker.
          relay: { enabled: false },
          consumer: { ...consumer, enabled: false },
        }),
        ScoringModule,
      ],
      providers: [{ provide: DEFERRED_CONSUMER_OPTIONS, useValue: consumer }, DeferredMessagingStart],
    };
  }
}
