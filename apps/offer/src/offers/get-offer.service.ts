import { Injectable } from '@nestjs/common';
import { Transactions } from '@hiring/platform';
import { OfferException, OfferExceptionCode } from '../shared/offer.exception';
import { OfferResponse } from './offer.dto';
import { toOfferResponse } from './offer.mapper';
import { OfferRepository } from './offer.repository';

@Injectable()
export class GetOfferService {
  constructor(private readonly tx: Transactions, private readonly offers: OfferRepository) {}

  async execute(offerId: string): Promise<OfferResponse> {
    const reader = this.tx.reader;
    const offer = await this.offers.findById(reader, offerId);
    if (!offer) throw new OfferException(OfferExceptionCode.OFFER_NOT_FOUND, `no offer ${offerId}`, { offerId });
    return toOfferResponse(offer, await this.offers.findOverride(reader, offer.id));
  }
}
