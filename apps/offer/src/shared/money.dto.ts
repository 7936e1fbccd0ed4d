import { CURRENCIES, type Currency } from '@hiring/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';

/** Whole currency units; far above any salary, small enough for an integer column. */
export const MAX_AMOUNT = 100_000_000;

export class MoneyDto {
  @ApiProperty({ example: 250000, minimum: 0, maximum: MAX_AMOUNT, description: 'Whole currency units' })
  @IsInt() @Min(0) @Max(MAX_AMOUNT)
  amount!: number;

  @ApiProperty({ enum: CURRENCIES, example: 'USD' })
  @IsIn(CURRENCIES)
  currency!: Currency;
}
