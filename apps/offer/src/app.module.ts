import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { CandidatesModule } from './candidates/candidates.module';
import { OFFER_DATABASE, OfferDatabase } from './database/offer.database';
import { OfferConfig } from './offer.config';
import { OffersModule } from './offers/offers.module';
import { RateCardsModule } from './rate-cards/rate-cards.module';

// Features, top down: offers -> candidates -> rate-cards (each reads the one
// below through a port; none reaches up).
@Module({})
export class AppModule {
  static register(config: OfferConfig, database: OfferDatabase = OFFER_DATABASE): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'offer', config, database }),
        MessagingModule.forService('offer', config, { schema: database.schema }),
        RateCardsModule,
        CandidatesModule,
        OffersModule,
      ],
    };
  }
}
