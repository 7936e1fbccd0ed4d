// recruiting.offer-guidance.v1: the market band a candidate's offer should sit
// in, from the rate card in force. The lower bound of `base` is the floor the
// offer service enforces.
import { AmountRangePayload, OpenAmountRangePayload } from './common.payload';
import { Identifier, Nested, Nullable, OneOf, Timestamp } from './field-rules';
import { CURRENCIES, LOCATION_TIERS, TARGET_ROLES, type Currency, type LocationTier, type TargetRole } from './vocabulary';

export class OfferGuidanceEvent {
  @Identifier() candidateId!: string;
  @OneOf(TARGET_ROLES) role!: TargetRole;
  @OneOf(LOCATION_TIERS) locationTier!: LocationTier;
  /** The currency of the location; both ranges are in it. */
  @OneOf(CURRENCIES) currency!: Currency;
  @Nested(() => AmountRangePayload) base!: AmountRangePayload;
  /** null when the rate card publishes no total-compensation range for the role. */
  @Nullable() @Nested(() => OpenAmountRangePayload) totalComp!: OpenAmountRangePayload | null;
  @Identifier() rateCardVersion!: string;
  @Timestamp() issuedAt!: string;
}
