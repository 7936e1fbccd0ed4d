import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { CandidateEligibilityRepository } from './candidates/candidate-eligibility.repository';
import { CandidateScoredHandler } from './candidates/candidate-scored.handler';
import { EraseCandidateService } from './candidates/erase-candidate.service';
import { RecordCandidateScoreService } from './candidates/record-candidate-score.service';
import { OFFER_DATABASE, OfferDatabase } from './database/offer.database';
import { Transactions } from '@hiring/platform';
import { OfferConfig } from './offer.config';
import { GetOfferService } from './offers/get-offer.service';
import { ListOffersService } from './offers/list-offers.service';
import { OfferEventsPublisher } from './offers/offer-events.publisher';
import { OfferRepository } from './offers/offer.repository';
import { OffersController } from './offers/offers.controller';
import { OverrideOfferService } from './offers/override-offer.service';
import { ProposeOfferService } from './offers/propose-offer.service';
import { RecordOfferDeclinedService } from './offers/record-offer-declined.service';
import { GetCurrentRateCardService } from './rate-cards/get-current-rate-card.service';
import { GetRateCardService } from './rate-cards/get-rate-card.service';
import { ListRateCardsService } from './rate-cards/list-rate-cards.service';
import { PublishRateCardService } from './rate-cards/publish-rate-card.service';
import { RateCardRepository } from './rate-cards/rate-card.repository';
import { RateCardsController } from './rate-cards/rate-cards.controller';

@Module({})
export class AppModule {
  static register(config: OfferConfig, database: OfferDatabase = OFFER_DATABASE): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'offer', config, database }),
        MessagingModule.forService('offer', config, { schema: database.schema }),
      ],
      controllers: [RateCardsController, OffersController],
      providers: [
        Transactions,
        RateCardRepository,
        CandidateEligibilityRepository,
        OfferRepository,
        OfferEventsPublisher,
        ListRateCardsService,
        GetRateCardService,
        GetCurrentRateCardService,
        PublishRateCardService,
        RecordCandidateScoreService,
        CandidateScoredHandler,
        EraseCandidateService,
        ProposeOfferService,
        OverrideOfferService,
        RecordOfferDeclinedService,
        GetOfferService,
        ListOffersService,
      ],
      exports: [RecordCandidateScoreService],
    };
  }
}
