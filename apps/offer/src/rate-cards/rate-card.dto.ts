import { CURRENCIES, LOCATION_TIERS, TARGET_ROLES, type Currency, type LocationTier, type TargetRole } from '@hiring/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay } from '../shared/calendar-day.validator';
import { MAX_AMOUNT } from '../shared/money.dto';

export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class RangeDto {
  @ApiProperty({ example: 250000 }) @IsInt() @Min(1) @Max(MAX_AMOUNT)
  min!: number;

  @ApiProperty({ example: 340000 }) @IsInt() @Min(1) @Max(MAX_AMOUNT)
  max!: number;
}

export class OpenRangeDto {
  @ApiProperty({ example: 320000 }) @IsInt() @Min(1) @Max(MAX_AMOUNT)
  min!: number;

  @ApiProperty({ example: null, nullable: true, type: Number, description: 'null: no upper cap ("$520k+")' })
  @ValidateIf((_o, value) => value !== null)
  @IsInt() @Min(1) @Max(MAX_AMOUNT)
  max!: number | null;
}

export class RateBandDto {
  @ApiProperty({ enum: TARGET_ROLES }) @IsIn(TARGET_ROLES)
  role!: TargetRole;

  @ApiProperty({ enum: LOCATION_TIERS }) @IsIn(LOCATION_TIERS)
  locationTier!: LocationTier;

  @ApiProperty({ enum: CURRENCIES, description: 'The currency of the location (USD for the US tiers and Tel Aviv, GBP for London)' })
  @IsIn(CURRENCIES)
  currency!: Currency;

  @ApiProperty({ type: RangeDto, description: 'Base salary band; min is the floor' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RangeDto)
  base!: RangeDto;

  @ApiProperty({ type: OpenRangeDto, nullable: true, description: 'null when no figure is published' })
  @ValidateIf((_o, value) => value !== null)
  @IsObject() @ValidateNested() @Type(() => OpenRangeDto)
  totalComp!: OpenRangeDto | null;
}

export class PublishRateCardDto {
  @ApiProperty({ example: '2026-09', pattern: VERSION_PATTERN.source })
  @IsString() @Matches(VERSION_PATTERN, { message: 'version must be 1-64 letters, digits, ".", "_" or "-"' })
  version!: string;

  @ApiProperty({ example: '2026-09-01', description: 'Calendar day (UTC) from which this version judges offers; after the latest version, not in the past' })
  @IsCalendarDay()
  effectiveFrom!: string;

  @ApiProperty({ example: 'hiring guide, September 2026 revision' })
  @IsString() @Length(1, 500)
  source!: string;

  @ApiProperty({ example: 'comp-team@example.com', description: 'Who publishes this version' })
  @IsString() @Length(1, 200) @Matches(/\S/, { message: 'createdBy must not be blank' })
  createdBy!: string;

  @ApiProperty({ type: [RateBandDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => RateBandDto)
  bands!: RateBandDto[];
}

export class CurrentRateCardQuery {
  @ApiPropertyOptional({ example: '2026-11-25', description: 'Calendar day; today (UTC) when absent' })
  @IsOptional() @IsCalendarDay()
  on?: string;
}

export class RateCardSummaryResponse {
  @ApiProperty({ example: '2026-03' }) version!: string;
  @ApiProperty({ example: '2026-03-01' }) effectiveFrom!: string;
  @ApiProperty() source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RateCardResponse extends RateCardSummaryResponse {
  @ApiProperty({ type: [RateBandDto] }) bands!: RateBandDto[];
}
