import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { SourcingConfig } from './sourcing.config';
import { sourcingDatabase } from './database/sourcing.database';
import { SourcingModule } from './sourcing.module';

@Module({})
export class AppModule {
  static register(config: SourcingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'sourcing', config, database: sourcingDatabase(config) }),
        MessagingModule.forService('sourcing', config),
        // Applied only where AgencyThrottlerGuard is used (agency routes), keyed by API key. The guard
        // writes Retry-After itself; the library's headers would carry the throttler's name.
        ThrottlerModule.forRoot({ throttlers: [{ name: 'agency', ttl: 60_000, limit: config.AGENCY_RATE_LIMIT_PER_MINUTE }], setHeaders: false }),
        SourcingModule,
      ],
    };
  }
}
