// Records that the candidate turned an approved offer down, so ops can measure
// offers declined at the final stage. No event yet: the catalogue has no
// offer-declined type (ask for one in @hiring/contracts when it is needed).
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { Transactions } from '@hiring/platform';
import { OfferException, OfferExceptionCode } from '../shared/offer.exception';
import { DeclineOfferDto, OfferResponse } from './offer.dto';
import { toOfferResponse } from './offer.mapper';
import { OfferRepository } from './offer.repository';

@Injectable()
export class RecordOfferDeclinedService {
  constructor(private readonly tx: Transactions, private readonly offers: OfferRepository, private readonly clock: Clock) {}

  async execute(offerId: string, dto: DeclineOfferDto): Promise<OfferResponse> {
    return this.tx.run(async (tx) => {
      const offer = await this.offers.findByIdForUpdate(tx, offerId);
      if (!offer) throw new OfferException(OfferExceptionCode.OFFER_NOT_FOUND, `no offer ${offerId}`, { offerId });
      if (offer.decision !== 'approved') {
        throw new OfferException(OfferExceptionCode.DECLINE_NOT_APPLICABLE, 'only an approved offer reaches the candidate and can be declined', { offerId });
      }
      if (offer.declinedAt) {
        throw new OfferException(OfferExceptionCode.DECLINE_NOT_APPLICABLE, `the offer was already declined at ${offer.declinedAt.toISOString()}`, { offerId });
      }
      offer.declinedAt = this.clock.now();
      offer.declinedBy = dto.recordedBy.trim();
      offer.declinedReason = dto.reason.trim();
      const saved = await this.offers.save(tx, offer);
      return toOfferResponse(saved, await this.offers.findOverride(tx, offer.id));
    });
  }
}
