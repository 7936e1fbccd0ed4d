import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@hiring/platform';
import { OfferConfig } from './offer.config';
import { OFFER_DATABASE } from './database/offer.database';

@Module({})
export class AppModule {
  static register(config: OfferConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'offer', config, database: OFFER_DATABASE })],
    };
  }
}
