import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { ScreeningConfig } from './screening.config';
import { SCREENING_DATABASE, SCREENING_SCHEMA } from './database/screening.database';
import { DEFERRED_CONSUMER_OPTIONS, DeferredMessagingStart, type DeferredConsumerOptions } from './shared/deferred-messaging-start';
import { SCREENING_EVENT_SOURCE } from './screenings/screening-events.publisher';
import { ScreeningModule } from './screenings/screening.module';

@Module({})
export class AppModule {
  static register(config: ScreeningConfig): DynamicModule {
    const consumer: DeferredConsumerOptions = {
      groupId: config.CONSUMER_GROUP,
      schema: SCREENING_SCHEMA,
      partitionsConsumedConcurrently: config.CONSUMER_CONCURRENCY,
      maxChunkSize: config.CONSUMER_MAX_CHUNK,
      fromBeginning: config.CONSUMER_FROM_BEGINNING === 'true',
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'screening', config, database: SCREENING_DATABASE }),
        MessagingModule.forRoot({
          clientId: `screening-${config.INSTANCE_ID}`,
          groupId: consumer.groupId,
          brokers: config.kafkaBrokers,
          schema: SCREENING_SCHEMA,
          source: SCREENING_EVENT_SOURCE,
          // Started by DeferredMessagingStart instead, so that boot survives an unreachable broker.
          relay: { enabled: false },
          consumer: { ...consumer, enabled: false },
        }),
        ScreeningModule,
      ],
      providers: [{ provide: DEFERRED_CONSUMER_OPTIONS, useValue: consumer }, DeferredMessagingStart],
    };
  }
}
