import { DomainError, DomainErrorCode, isDomainError } from '../shared/domain-error';
import type { LocationTier, TargetRole } from '../shared/roles';
import { selectVersionInForce } from '../shared/versioned';
import type { RateBand, RateCard } from './rate-card';

/** The rate card version in force on `proposedOn` (YYYY-MM-DD): an offer is judged by the rules of its day. */
export function selectRateCard(cards: readonly RateCard[], proposedOn: string): RateCard {
  try {
    return selectVersionInForce(cards, proposedOn, 'rate card');
  } catch (error) {
    if (isDomainError(error) && error.code === DomainErrorCode.NO_RULES_IN_FORCE) {
      const earliest = [...cards].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
      throw new DomainError(
        DomainErrorCode.NO_RATE_CARD,
        earliest
          ? `no rate card is in force on ${proposedOn}: the earliest version (${earliest.version}) takes effect on ${earliest.effectiveFrom}`
          : 'no rate card has been published',
        { proposedOn },
      );
    }
    throw error;
  }
}

export function findBand(card: RateCard, role: TargetRole, location: LocationTier): RateBand | undefined {
  return card.bands.find((band) => band.role === role && band.locationTier === location);
}
