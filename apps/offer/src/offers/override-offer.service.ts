// The only path to an approval below the floor: a named approver and a reason,
// re-decided by the domain's override rule against the same rate card version
// that refused the offer, recorded with what it replaced, and announced again.
import { randomUUID } from 'node:crypto';
import { checkOffer, isEligibleForOffer, overrideBlocker } from '@hiring/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { CandidateEligibility } from '../candidates/candidate-eligibility.port';
import { Transactions } from '@hiring/platform';
import { RateCardBook } from '../rate-cards/rate-card-book.port';
import { OfferException, OfferExceptionCode } from '../shared/offer.exception';
import { OfferDecidedPublisher } from './offer-decided.publisher';
import { OfferResponse, OverrideOfferDto } from './offer.dto';
import { toOfferDecidedData, toOfferResponse } from './offer.mapper';
import { OfferRepository } from './offer.repository';

@Injectable()
export class OverrideOfferService {
  constructor(
    private readonly tx: Transactions,
    private readonly candidates: CandidateEligibility,
    private readonly rateCards: RateCardBook,
    private readonly offers: OfferRepository,
    private readonly publisher: OfferDecidedPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(offerId: string, dto: OverrideOfferDto): Promise<OfferResponse> {
    return this.tx.run(async (tx) => {
      const offer = await this.offers.findByIdForUpdate(tx, offerId);
      if (!offer) throw new OfferException(OfferExceptionCode.OFFER_NOT_FOUND, `no offer ${offerId}`, { offerId });
      const blocker = overrideBlocker(offer);
      if (blocker) throw new OfferException(OfferExceptionCode.OVERRIDE_NOT_APPLICABLE, blocker, { offerId, decision: offer.decision });

      const candidate = await this.candidates.of(tx, offer.candidateId);
      if (!candidate || !isEligibleForOffer(candidate.decision)) {
        throw new OfferException(OfferExceptionCode.OVERRIDE_NOT_APPLICABLE, `candidate ${offer.candidateId} is no longer eligible for an offer`, {
          offerId,
          candidateId: offer.candidateId,
        });
      }
      // Judged by the version that refused it, whatever was published since.
      const card = await this.rateCards.version(tx, offer.rateCardVersion);
      if (!card) throw new Error(`offer ${offer.id} refers to missing rate card ${offer.rateCardVersion}`);
      const approval = { approver: dto.approver.trim(), reason: dto.reason.trim() };
      const decided = checkOffer(
        { role: offer.role, location: offer.locationTier, base: { amount: offer.baseAmount, currency: offer.baseCurrency }, proposedOn: offer.proposedOn, override: approval },
        [card],
      );
      if (decided.decision !== 'approved' || !decided.override) {
        throw new Error(`override of offer ${offer.id} did not approve it (${decided.reasons.map((r) => r.code).join(', ')})`);
      }

      const previous = { decision: offer.decision, reasons: offer.reasons };
      offer.decision = decided.decision;
      offer.gap = decided.gap;
      offer.reasons = decided.reasons;
      offer.decidedAt = this.clock.now();
      const saved = await this.offers.save(tx, offer);
      const override = await this.offers.insertOverride(tx, {
        id: randomUUID(),
        offerId: offer.id,
        approver: decided.override.approver,
        reason: decided.override.reason,
        previousDecision: previous.decision,
        previousReasons: previous.reasons,
        decision: decided.decision,
        rateCardVersion: decided.rateCardVersion,
      });
      await this.publisher.offerDecided(tx, toOfferDecidedData(saved, override));
      return toOfferResponse(saved, override);
    });
  }
}
