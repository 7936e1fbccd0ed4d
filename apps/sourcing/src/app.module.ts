import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { SourcingConfig } from './sourcing.config';
import { sourcingDatabase } from './database/sourcing.database';
import { AgenciesModule } from './agencies/agencies.module';
import { ErasureModule } from './erasure/erasure.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PROGRESS_CONSUMER } from './progress/pipeline-progress.handler';
import { ProgressModule } from './progress/progress.module';
import { RejectionsModule } from './rejections/rejections.module';
import { RequisitionsModule } from './requisitions/requisitions.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static register(config: SourcingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'sourcing', config, database: sourcingDatabase(config) }),
        // The status write-back's one consumer reads several topics: as many partitions in flight as the
        // consumers per topic it replaced had, their chunks committed together (pipeline-progress.handler.ts);
        // not on the path to the guidance, it lingers between fetches while statuses flow.
        MessagingModule.forService('sourcing', config, {
          consumer: { named: { [PROGRESS_CONSUMER]: { partitionsPerTopic: config.KAFKA_CONSUMER_CONCURRENCY, fetchLingerMs: config.STATUS_WRITE_BACK_LINGER_MS } } },
        }),
        // Applied only where AgencyThrottlerGuard is used (agency routes), keyed by API key. The guard
        // writes Retry-After itself; the library's headers would carry the throttler's name.
        ThrottlerModule.forRoot({ throttlers: [{ name: 'agency', ttl: 60_000, limit: config.AGENCY_RATE_LIMIT_PER_MINUTE }], setHeaders: false }),
        // One module per feature folder; each imports only the features below it.
        AgenciesModule,
        RequisitionsModule,
        WebhooksModule,
        PersonalDataModule,
        RejectionsModule,
        SubmissionsModule,
        ProgressModule,
        ErasureModule,
      ],
    };
  }
}
