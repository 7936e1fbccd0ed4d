import { Module } from '@nestjs/common';
import { Transactions } from '@hiring/platform';
import { CandidatesModule } from '../candidates/candidates.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { GetOfferService } from './get-offer.service';
import { ListOffersService } from './list-offers.service';
import { OfferDecidedPublisher } from './offer-decided.publisher';
import { OfferOverrideEntity } from './offer-override.entity';
import { OfferEntity } from './offer.entity';
import { OfferRepository } from './offer.repository';
import { OffersController } from './offers.controller';
import { OverrideOfferService } from './override-offer.service';
import { ProposeOfferService } from './propose-offer.service';
import { RecordOfferDeclinedService } from './record-offer-declined.service';

/** Proposing, overriding and declining offers, judged by the candidate's standing and the rate card in force. */
@Module({
  imports: [RateCardsModule, CandidatesModule],
  controllers: [OffersController],
  providers: [Transactions, OfferRepository, OfferDecidedPublisher, ProposeOfferService, OverrideOfferService, RecordOfferDeclinedService, GetOfferService, ListOffersService],
})
export class OffersModule {
  static readonly entities = [OfferEntity, OfferOverrideEntity];
}
