// recruiting.offer-decided.v1: an offer judged against the salary floor of the
// rate card version in force when it was proposed. A refusal names the floor,
// the gap and the reasons; an approval below the floor exists only with an
// override by a named approver.
import { MoneyPayload } from './common.payload';
import { Amount, Identifier, LongText, Nested, NestedList, Nullable, OneOf, Optional, ShortText, Timestamp } from './field-rules';
import { Matches } from 'class-validator';
import { LOCATION_TIERS, OFFER_DECISIONS, TARGET_ROLES, type LocationTier, type OfferDecision, type TargetRole } from './vocabulary';

/** Reason codes are the offer domain's exception codes: `BELOW_FLOOR`, `SOFTWARE_BAND_BENCHMARK`, ... */
export const REASON_CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export class OfferReasonPayload {
  @ShortText() @Matches(REASON_CODE_PATTERN) code!: string;
  @LongText() message!: string;
}

export class OfferOverridePayload {
  @ShortText() approver!: string;
  @LongText() reason!: string;
}

export class OfferDecidedEvent {
  @Identifier() offerId!: string;
  @Identifier() candidateId!: string;
  /**
   * The submission the offer was made on (the candidate's scored one), as the
   * other stage events carry it. Always set by offer; optional so that events
   * published before it was added stay valid v1 events.
   */
  @Optional() @Identifier() submissionId?: string;
  @OneOf(TARGET_ROLES) role!: TargetRole;
  @OneOf(LOCATION_TIERS) locationTier!: LocationTier;
  @Nested(() => MoneyPayload) base!: MoneyPayload;
  @OneOf(OFFER_DECISIONS) decision!: OfferDecision;
  @Nested(() => MoneyPayload) floor!: MoneyPayload;
  /** How far the base is below the floor, in its currency; 0 at or above the floor; null on a currency mismatch. */
  @Nullable() @Amount() gap!: number | null;
  @NestedList(() => OfferReasonPayload, 20) reasons!: OfferReasonPayload[];
  @Identifier() rateCardVersion!: string;
  @Optional() @Nested(() => OfferOverridePayload) override?: OfferOverridePayload;
  @Timestamp() decidedAt!: string;
}
