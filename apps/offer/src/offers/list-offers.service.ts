import { Injectable } from '@nestjs/common';
import { Transactions } from '@hiring/platform';
import { OfferResponse } from './offer.dto';
import { toOfferResponse } from './offer.mapper';
import { OfferRepository } from './offer.repository';

/** A candidate rarely has more than a handful of offers; the cap keeps the answer bounded anyway. */
const MAX_OFFERS = 100;

@Injectable()
export class ListOffersService {
  constructor(private readonly tx: Transactions, private readonly offers: OfferRepository) {}

  async execute(candidateId: string): Promise<OfferResponse[]> {
    const reader = this.tx.reader;
    const offers = await this.offers.listByCandidate(reader, candidateId, MAX_OFFERS);
    const overrides = await this.offers.overridesByOffer(reader, offers.map((o) => o.id));
    return offers.map((offer) => toOfferResponse(offer, overrides.get(offer.id) ?? null));
  }
}
