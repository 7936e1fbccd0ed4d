import { Injectable } from '@nestjs/common';
import { Transactions } from '@hiring/platform';
import { RateCardSummaryResponse } from './rate-card.dto';
import { toRateCardSummary } from './rate-card.mapper';
import { RateCardRepository } from './rate-card.repository';

@Injectable()
export class ListRateCardsService {
  constructor(private readonly tx: Transactions, private readonly rateCards: RateCardRepository) {}

  async execute(): Promise<RateCardSummaryResponse[]> {
    return (await this.rateCards.all(this.tx.reader)).map(toRateCardSummary);
  }
}
