import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@hiring/platform';
import { SourcingConfig } from './sourcing.config';
import { SOURCING_DATABASE } from './database/sourcing.database';

@Module({})
export class AppModule {
  static register(config: SourcingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'sourcing', config, database: SOURCING_DATABASE })],
    };
  }
}
