import type { Currency } from '../shared/money';
import type { LocationTier, TargetRole } from '../shared/roles';
import type { Versioned } from '../shared/versioned';

export interface Range {
  min: number;
  max: number;
}

/** One market band: a role in a location tier, quoted in the tier's currency. */
export interface RateBand {
  role: TargetRole;
  locationTier: LocationTier;
  currency: Currency;
  /** The lower bound is the floor an offer's base must reach. */
  base: Range;
  /** `max: null` means no upper cap (the guide's "$520k+"); `null` means the guide publishes no figure. */
  totalComp: { min: number; max: number | null } | null;
}

/** Market salary bands as published at one date; a new publication is a new version, never an edit. */
export interface RateCard extends Versioned {
  /** Where the figures come from, so a reviewer can check them. */
  source: string;
  bands: RateBand[];
}
