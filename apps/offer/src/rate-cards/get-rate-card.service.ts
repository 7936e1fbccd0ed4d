import { Injectable } from '@nestjs/common';
import { Transactions } from '@hiring/platform';
import { OfferException, OfferExceptionCode } from '../shared/offer.exception';
import { RateCardResponse } from './rate-card.dto';
import { toRateCardResponse } from './rate-card.mapper';
import { RateCardRepository } from './rate-card.repository';

@Injectable()
export class GetRateCardService {
  constructor(private readonly tx: Transactions, private readonly rateCards: RateCardRepository) {}

  async execute(version: string): Promise<RateCardResponse> {
    const card = await this.rateCards.findByVersion(this.tx.reader, version);
    if (!card) throw new OfferException(OfferExceptionCode.RATE_CARD_NOT_FOUND, `no rate card version "${version}"`, { version });
    return toRateCardResponse(card);
  }
}
