// Small value objects shared by several events.
import { Amount, Identifier, Nullable, OneOf } from './field-rules';
import { CURRENCIES, type Currency } from './vocabulary';

/** Whole currency units (no cents), as rate cards and offers quote them. */
export class MoneyPayload {
  @Amount() amount!: number;
  @OneOf(CURRENCIES) currency!: Currency;
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
