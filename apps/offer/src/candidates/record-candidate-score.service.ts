// Keeps the offer service's view of who may receive an offer, from
// recruiting.candidate-scored.v1. Called by the Kafka handler inside the
// transaction of the consumed batch (with the inbox record), so the upsert and
// the guidance it causes commit together.
import { DomainError, DomainErrorCode, findBand, isEligibleForOffer, selectRateCard, type RateCard } from '@hiring/domain';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import type { Tx } from '@hiring/platform';
import { RateCardBook } from '../rate-cards/rate-card-book.port';
import { CandidateEligibilityRepository, type EligibilityRow } from './candidate-eligibility.repository';
import { CandidateScored } from './candidate-scored';
import { OfferGuidancePublisher, type OfferGuidanceData } from './offer-guidance.publisher';

export type RecordCandidateScoreOutcome =
  /** Same or older scoredAt than the stored one: redelivery or reordering, nothing changed. */
  | 'stale'
  /** The candidate was erased: a score arriving after the erasure (replay, late redelivery) changes nothing. */
  | 'erased'
  | 'recorded-not-eligible'
  /** Still eligible for the same role and location: the guidance already sent stands. */
  | 'recorded-unchanged'
  | 'guidance-emitted'
  /** Eligible, but no rate card band covers the role and location (e.g. Technical Lead in Tel Aviv). */
  | 'no-band';

interface Standing {
  decision: CandidateScored['decision'];
  role: CandidateScored['role'];
  locationTier: CandidateScored['locationTier'];
  scoredAt: Date;
}

@Injectable()
export class RecordCandidateScoreService {
  private readonly logger = new Logger(RecordCandidateScoreService.name);

  constructor(
    private readonly candidates: CandidateEligibilityRepository,
    private readonly rateCards: RateCardBook,
    private readonly publisher: OfferGuidancePublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, scored: CandidateScored): Promise<RecordCandidateScoreOutcome> {
    const [outcome] = await this.executeAll(tx, [scored]);
    if (!outcome) throw new Error('no outcome for the candidate-scored event');
    return outcome;
  }

  /**
   * A consumed batch in a few statements: the erased among its candidates and
   * the stored rows of the others (locked, one query each), the events applied in order in memory (each sees the
   * ones before it, so the outcomes are those of one-by-one processing), then
   * one upsert of each candidate's latest row, the rate cards read at most
   * once, and one outbox insert for all the guidance.
   */
  async executeAll(tx: Tx, events: readonly CandidateScored[]): Promise<RecordCandidateScoreOutcome[]> {
    await this.candidates.lock(tx, events.map((e) => e.candidateId));
    const standing = new Map<string, Standing>(
      (await this.candidates.findManyForUpdate(tx, events.map((e) => e.candidateId))).map((row) => [
        row.candidateId,
        { decision: row.decision, role: row.role, locationTier: row.locationTier, scoredAt: new Date(row.scoredAt) },
      ]),
    );
    const erased = await this.candidates.erasedAmong(tx, events.map((e) => e.candidateId));
    const latest = new Map<string, EligibilityRow>();
    const guidance: OfferGuidanceData[] = [];
    const outcomes: RecordCandidateScoreOutcome[] = [];
    let card: RateCard | Error | undefined;
    const now = this.clock.now();

    for (const scored of events) {
      if (erased.has(scored.candidateId)) {
        outcomes.push('erased');
        continue;
      }
      const scoredAt = new Date(scored.scoredAt);
      const previous = standing.get(scored.candidateId);
      // Same or older scoredAt than the one standing: redelivery or reordering.
      if (previous && previous.scoredAt.getTime() >= scoredAt.getTime()) {
        outcomes.push('stale');
        continue;
      }
      standing.set(scored.candidateId, { decision: scored.decision, role: scored.role, locationTier: scored.locationTier, scoredAt });
      latest.set(scored.candidateId, toEligibilityRow(scored, scoredAt));
      if (!isEligibleForOffer(scored.decision)) {
        outcomes.push('recorded-not-eligible');
        continue;
      }
      const alreadyGuided = previous !== undefined && isEligibleForOffer(previous.decision) && previous.role === scored.role && previous.locationTier === scored.locationTier;
      if (alreadyGuided) {
        outcomes.push('recorded-unchanged');
        continue;
      }
      // Guidance is for the offer to be made now: the card in force today.
      card ??= await this.cardInForce(tx);
      if (card instanceof Error) {
        outcomes.push(this.noBand(scored, card.message));
        continue;
      }
      const band = findBand(card, scored.role, scored.locationTier);
      if (!band) {
        outcomes.push(this.noBand(scored, `rate card ${card.version} has no ${scored.role} band for ${scored.locationTier}`));
        continue;
      }
      guidance.push({
        candidateId: scored.candidateId,
        role: scored.role,
        locationTier: scored.locationTier,
        currency: band.currency,
        base: { min: band.base.min, max: band.base.max },
        totalComp: band.totalComp ? { min: band.totalComp.min, max: band.totalComp.max } : null,
        rateCardVersion: card.version,
        issuedAt: now.toISOString(),
      });
      outcomes.push('guidance-emitted');
    }

    await this.candidates.upsertManyIfNewer(tx, [...latest.values()]);
    await this.publisher.offerGuidances(tx, guidance);
    return outcomes;
  }

  private async cardInForce(tx: Tx): Promise<RateCard | Error> {
    const cards = await this.rateCards.all(tx);
    try {
      return selectRateCard(cards, this.clock.today());
    } catch (error) {
      if (error instanceof DomainError && error.code === DomainErrorCode.NO_RATE_CARD) return error;
      throw error;
    }
  }

  /** Eligibility is still recorded; an offer for this candidate will answer 422 NO_RATE_CARD. */
  private noBand(scored: CandidateScored, why: string): RecordCandidateScoreOutcome {
    this.logger.warn({ candidateId: scored.candidateId, role: scored.role, locationTier: scored.locationTier }, `no offer guidance: ${why}`);
    return 'no-band';
  }
}

function toEligibilityRow(scored: CandidateScored, scoredAt: Date): EligibilityRow {
  return {
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
    scoredAt,
  };
}
