// Small value objects shared by several events.
import { Amount, Identifier, Nullable, OneOf } from './field-rules';
import { CURRENCIES, LOCATION_TIERS, TARGET_ROLES, type Currency, type LocationTier, type TargetRole } from './vocabulary';

/** Whole currency units (no cents), as rate cards and offers quote them. */
export class MoneyPayload {
  @Amount() amount!: number;
  @OneOf(CURRENCIES) currency!: Currency;
}

/**
 * The six fields a candidate's events start with (the domain's CandidateRef),
 * declared once with their rules: the events about one candidate extend it.
 */
export class CandidateRefPayload {
  @Identifier() candidateId!: string;
  @Identifier() submissionId!: string;
  @Identifier() agencyId!: string;
  @Identifier() requisitionId!: string;
  @OneOf(TARGET_ROLES) role!: TargetRole;
  @OneOf(LOCATION_TIERS) locationTier!: LocationTier;
}

/** The rubric line and version that produced a decision, so it can be explained and replayed. */
export class RubricRefPayload {
  @Identifier() id!: string;
  @Identifier() version!: string;
}

export class AmountRangePayload {
  @Amount() min!: number;
  @Amount() max!: number;
}

/** `max: null` is "no upper cap" (the guide's "$520k+"). */
export class OpenAmountRangePayload {
  @Amount() min!: number;
  @Nullable() @Amount() max!: number | null;
}
