import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { ScoringConfig } from './scoring.config';
import { SCORING_DATABASE } from './database/scoring.database';
import { ScoringModule } from './scores/scoring.module';

@Module({})
export class AppModule {
  static register(config: ScoringConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'scoring', config, database: SCORING_DATABASE }),
        MessagingModule.forService('scoring', config),
        ScoringModule,
      ],
    };
  }
}
