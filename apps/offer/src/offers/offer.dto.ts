import { LOCATION_TIERS, OFFER_REASON_CODES, TARGET_ROLES, type LocationTier, type TargetRole } from '@hiring/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../shared/calendar-day.validator';
import { MoneyDto } from '../shared/money.dto';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const NOT_BLANK = /\S/;

export class ProposeOfferDto {
  @ApiProperty({ example: 'cand-42', description: 'A candidate known from recruiting.candidate-scored.v1; role and location come from there' })
  @IsString() @Length(1, 128) @Matches(ID_PATTERN, { message: 'candidateId must be an identifier (letters, digits, ".", "_", ":", "-")' })
  candidateId!: string;

  @ApiProperty({ type: MoneyDto, description: 'Base salary, in the currency of the candidate\'s location' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => MoneyDto)
  base!: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, description: 'Total compensation, recorded for reference; the floor applies to base' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MoneyDto)
  totalComp?: MoneyDto;

  @ApiPropertyOptional({ example: '2026-11-25', description: 'Calendar day (UTC) the offer is proposed; picks the rate card version. Today by default; never in the future.' })
  @IsOptional() @IsCalendarDay()
  proposedOn?: string;

  @ApiProperty({ example: 'hiring-manager@example.com' })
  @IsString() @Length(1, 200) @Matches(NOT_BLANK, { message: 'proposedBy must not be blank' })
  proposedBy!: string;
}

export class OverrideOfferDto {
  @ApiProperty({ example: 'vp-engineering@example.com', description: 'The named person granting the exception', maxLength: 200 })
  @IsString() @Length(1, 200) @Matches(NOT_BLANK, { message: 'approver must not be blank' })
  approver!: string;

  @ApiProperty({ example: 'Relocating in Q2 with a guaranteed review to the floor', maxLength: 2000 })
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

export class DeclineOfferDto {
  @ApiProperty({ example: 'accepted a competing offer', maxLength: 2000 })
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;

  @ApiProperty({ example: 'recruiter@example.com', maxLength: 200 })
  @IsString() @Length(1, 200) @Matches(NOT_BLANK, { message: 'recordedBy must not be blank' })
  recordedBy!: string;
}

export class ListOffersQuery {
  @ApiProperty({ example: 'cand-42' })
  @IsString() @Length(1, 128) @Matches(ID_PATTERN, { message: 'candidateId must be an identifier' })
  candidateId!: string;
}

export const STORED_REASON_CODES = [...OFFER_REASON_CODES, 'CANDIDATE_NOT_ELIGIBLE'] as const;

export class OfferReasonResponse {
  @ApiProperty({ enum: STORED_REASON_CODES }) code!: string;
  @ApiProperty() message!: string;
}

export class OfferOverrideResponse {
  @ApiProperty() approver!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['approved', 'refused'] }) previousDecision!: 'approved' | 'refused';
  @ApiProperty({ type: [OfferReasonResponse] }) previousReasons!: OfferReasonResponse[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OfferDeclinedResponse {
  @ApiProperty() reason!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OfferResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty({ enum: TARGET_ROLES }) role!: TargetRole;
  @ApiProperty({ enum: LOCATION_TIERS }) locationTier!: LocationTier;
  @ApiProperty({ type: MoneyDto }) base!: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true }) totalComp!: MoneyDto | null;
  @ApiProperty({ example: '2026-11-25' }) proposedOn!: string;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ enum: ['approved', 'refused'], description: 'A refusal is a normal answer (201), not an error' }) decision!: 'approved' | 'refused';
  @ApiProperty({ type: MoneyDto, description: 'Lower bound of the base band for the role and location' }) floor!: MoneyDto;
  @ApiProperty({ type: Number, nullable: true, description: 'floor - base (0 when met); null on a currency mismatch' }) gap!: number | null;
  @ApiProperty({ type: [OfferReasonResponse] }) reasons!: OfferReasonResponse[];
  @ApiProperty({ example: '2026-03' }) rateCardVersion!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: OfferOverrideResponse, nullable: true }) override!: OfferOverrideResponse | null;
  @ApiProperty({ type: OfferDeclinedResponse, nullable: true }) declined!: OfferDeclinedResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
