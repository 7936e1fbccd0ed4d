// Judges a proposed offer against the floor of the rate card in force on its
// day. Role and location come from the candidate's scored record, never from
// the caller. The offer, its decision and the offer-decided event commit together.
import { randomUUID } from 'node:crypto';
import { checkOffer, isEligibleForOffer, refuseIneligible, type OfferOutcome } from '@hiring/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { CandidateEligibility } from '../candidates/candidate-eligibility.port';
import { Transactions } from '@hiring/platform';
import { RateCardBook } from '../rate-cards/rate-card-book.port';
import { OfferException, OfferExceptionCode } from '../shared/offer.exception';
import { OfferDecidedPublisher } from './offer-decided.publisher';
import { OfferResponse, ProposeOfferDto } from './offer.dto';
import { toOfferDecidedData, toOfferResponse } from './offer.mapper';
import { OfferRepository } from './offer.repository';

@Injectable()
export class ProposeOfferService {
  constructor(
    private readonly tx: Transactions,
    private readonly candidates: CandidateEligibility,
    private readonly rateCards: RateCardBook,
    private readonly offers: OfferRepository,
    private readonly publisher: OfferDecidedPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(dto: ProposeOfferDto): Promise<OfferResponse> {
    const now = this.clock.now();
    const today = this.clock.today();
    const proposedOn = dto.proposedOn ?? today;
    if (proposedOn > today) {
      throw new OfferException(OfferExceptionCode.PROPOSED_ON_IN_FUTURE, `proposedOn ${proposedOn} is after today (${today}); an offer is judged by the card of the day it is made`, {
        proposedOn,
        today,
      });
    }
    return this.tx.run(async (tx) => {
      const candidate = await this.candidates.of(tx, dto.candidateId);
      if (!candidate) {
        throw new OfferException(
          OfferExceptionCode.CANDIDATE_NOT_FOUND,
          `candidate ${dto.candidateId} has no score yet; offers need a candidate known from recruiting.candidate-scored.v1`,
          { candidateId: dto.candidateId },
        );
      }
      const cards = await this.rateCards.all(tx);
      const checked = checkOffer({ role: candidate.role, location: candidate.locationTier, base: { ...dto.base }, proposedOn }, cards);
      const outcome: OfferOutcome = isEligibleForOffer(candidate.decision) ? checked : refuseIneligible(checked, candidate);

      const offer = await this.offers.insert(tx, {
        id: randomUUID(),
        candidateId: candidate.candidateId,
        submissionId: candidate.submissionId,
        role: candidate.role,
        locationTier: candidate.locationTier,
        baseAmount: dto.base.amount,
        baseCurrency: dto.base.currency,
        totalCompAmount: dto.totalComp?.amount ?? null,
        totalCompCurrency: dto.totalComp?.currency ?? null,
        proposedOn,
        proposedBy: dto.proposedBy.trim(),
        decision: outcome.decision,
        floorAmount: checked.floor.amount,
        floorCurrency: checked.floor.currency,
        gap: outcome.gap,
        reasons: outcome.reasons,
        rateCardVersion: checked.rateCardVersion,
        decidedAt: now,
        declinedAt: null,
        declinedBy: null,
        declinedReason: null,
      });
      await this.publisher.offerDecided(tx, toOfferDecidedData(offer, null));
      return toOfferResponse(offer, null);
    });
  }
}
