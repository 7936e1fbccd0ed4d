// Keeps the offer service's view of who may receive an offer, from
// recruiting.candidate-scored.v1. Called by the Kafka handler inside the
// transaction of the consumed batch (with the inbox record), so the upsert and
// the guidance it causes commit together.
import { DomainError, DomainErrorCode, findBand, isEligibleForOffer, selectRateCard } from '@hiring/domain';
import { Injectable, Logger } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import { OfferEventsPublisher } from '../offers/offer-events.publisher';
import { toRateCard } from '../rate-cards/rate-card.mapper';
import { RateCardRepository } from '../rate-cards/rate-card.repository';
import { Clock } from '../shared/clock';
import { CandidateEligibilityRepository } from './candidate-eligibility.repository';
import { CandidateScored } from './candidate-scored';

export type RecordCandidateScoreOutcome =
  /** Same or older scoredAt than the stored one: redelivery or reordering, nothing changed. */
  | 'stale'
  | 'recorded-not-eligible'
  /** Still eligible for the same role and location: the guidance already sent stands. */
  | 'recorded-unchanged'
  | 'guidance-emitted'
  /** Eligible, but no rate card band covers the role and location (e.g. Technical Lead in Tel Aviv). */
  | 'no-band';

@Injectable()
export class RecordCandidateScoreService {
  private readonly logger = new Logger(RecordCandidateScoreService.name);

  constructor(
    private readonly candidates: CandidateEligibilityRepository,
    private readonly rateCards: RateCardRepository,
    private readonly publisher: OfferEventsPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, scored: CandidateScored): Promise<RecordCandidateScoreOutcome> {
    const previous = await this.candidates.findForUpdate(tx, scored.candidateId);
    const applied = await this.candidates.upsertIfNewer(tx, {
      candidateId: scored.candidateId,
      submissionId: scored.submissionId,
      requisitionId: scored.requisitionId,
      agencyId: scored.agencyId,
      role: scored.role,
      locationTier: scored.locationTier,
      decision: scored.decision,
      score: scored.score,
      rubricId: scored.rubric.id,
      rubricVersion: scored.rubric.version,
      scoredAt: new Date(scored.scoredAt),
    });
    if (!applied) return 'stale';
    if (!isEligibleForOffer(scored.decision)) return 'recorded-not-eligible';

    const alreadyGuided =
      previous !== null &&
      isEligibleForOffer(previous.decision) &&
      previous.role === scored.role &&
      previous.locationTier === scored.locationTier;
    if (alreadyGuided) return 'recorded-unchanged';

    // Guidance is for the offer to be made now: the card in force today.
    const now = this.clock.now();
    const cards = (await this.rateCards.all(tx)).map(toRateCard);
    let card;
    try {
      card = selectRateCard(cards, this.clock.today());
    } catch (error) {
      if (error instanceof DomainError && error.code === DomainErrorCode.NO_RATE_CARD) return this.noBand(scored, error.message);
      throw error;
    }
    const band = findBand(card, scored.role, scored.locationTier);
    if (!band) return this.noBand(scored, `rate card ${card.version} has no ${scored.role} band for ${scored.locationTier}`);

    await this.publisher.offerGuidance(tx, {
      candidateId: scored.candidateId,
      role: scored.role,
      locationTier: scored.locationTier,
      currency: band.currency,
      base: { min: band.base.min, max: band.base.max },
      totalComp: band.totalComp ? { min: band.totalComp.min, max: band.totalComp.max } : null,
      rateCardVersion: card.version,
      issuedAt: now.toISOString(),
    });
    return 'guidance-emitted';
  }

  /** Eligibility is still recorded; an offer for this candidate will answer 422 NO_RATE_CARD. */
  private noBand(scored: CandidateScored, why: string): RecordCandidateScoreOutcome {
    this.logger.warn({ candidateId: scored.candidateId, role: scored.role, locationTier: scored.locationTier }, `no offer guidance: ${why}`);
    return 'no-band';
  }
}
