import { Module } from '@nestjs/common';
import { Transactions } from '@hiring/platform';
import { GetCurrentRateCardService } from './get-current-rate-card.service';
import { GetRateCardService } from './get-rate-card.service';
import { ListRateCardsService } from './list-rate-cards.service';
import { PublishRateCardService } from './publish-rate-card.service';
import { RateCardBook } from './rate-card-book.port';
import { RateCardEntity } from './rate-card.entity';
import { RateCardRepository } from './rate-card.repository';
import { RateCardsController } from './rate-cards.controller';

/** Publishing and reading rate cards; other features read them through RateCardBook. */
@Module({
  controllers: [RateCardsController],
  providers: [Transactions, RateCardRepository, RateCardBook, ListRateCardsService, GetRateCardService, GetCurrentRateCardService, PublishRateCardService],
  exports: [RateCardBook],
})
export class RateCardsModule {
  static readonly entities = [RateCardEntity];
}
