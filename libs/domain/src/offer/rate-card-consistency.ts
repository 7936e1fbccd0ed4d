// Consistency of a rate card submitted by an admin, beyond the shape the DTO
// checks: ranges in order, one band per role and location, each location in
// its own currency.
import type { ValidationIssue } from '../shared/schema-validation';
import { LOCATION_TIERS, type LocationTier } from '../shared/roles';
import type { Currency } from '../shared/money';
import { RATE_CARD_2026_03 } from './rate-card-2026-03';
import type { RateBand } from './rate-card';

/**
 * The currency each location is paid in, read from the published card rather
 * than retyped (Tel Aviv is paid in USD). A location the seed does not cover
 * has no fixed currency yet.
 */
export const LOCATION_CURRENCY: Partial<Record<LocationTier, Currency>> = Object.fromEntries(
  LOCATION_TIERS.flatMap((tier) => {
    const band = RATE_CARD_2026_03.bands.find((b) => b.locationTier === tier);
    return band ? [[tier, band.currency]] : [];
  }),
);

export function rateCardProblems(bands: readonly RateBand[], currencyOf = LOCATION_CURRENCY): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  const currencyInCard = new Map<LocationTier, Currency>();
  bands.forEach((band, i) => {
    const at = `bands[${i}]`;
    if (band.base.min > band.base.max) {
      problems.push({ path: `${at}.base`, message: `min ${band.base.min} is above max ${band.base.max}` });
    }
    if (band.totalComp && band.totalComp.max !== null && band.totalComp.min > band.totalComp.max) {
      problems.push({ path: `${at}.totalComp`, message: `min ${band.totalComp.min} is above max ${band.totalComp.max}` });
    }
    const key = `${band.role}@${band.locationTier}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ path: at, message: `duplicate band for ${band.role} in ${band.locationTier} (also bands[${first}])` });
    } else {
      seen.set(key, i);
    }
    const expected = currencyOf[band.locationTier];
    if (expected && band.currency !== expected) {
      problems.push({ path: `${at}.currency`, message: `${band.locationTier} is paid in ${expected}, not ${band.currency}` });
    }
    const sameLocation = currencyInCard.get(band.locationTier);
    if (sameLocation && sameLocation !== band.currency) {
      problems.push({ path: `${at}.currency`, message: `${band.locationTier} is quoted in ${sameLocation} elsewhere in this card` });
    } else if (!sameLocation) {
      currencyInCard.set(band.locationTier, band.currency);
    }
  });
  return problems;
}
