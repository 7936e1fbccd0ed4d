import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@hiring/platform';
import { ScreeningConfig } from './screening.config';
import { SCREENING_DATABASE } from './database/screening.database';

@Module({})
export class AppModule {
  static register(config: ScreeningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'screening', config, database: SCREENING_DATABASE })],
    };
  }
}
