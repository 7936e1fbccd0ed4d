import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { ScreeningConfig } from './screening.config';
import { SCREENING_DATABASE } from './database/screening.database';
import { ScreeningModule } from './screenings/screening.module';

@Module({})
export class AppModule {
  static register(config: ScreeningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'screening', config, database: SCREENING_DATABASE }),
        MessagingModule.forService('screening', config),
        ScreeningModule,
      ],
    };
  }
}
