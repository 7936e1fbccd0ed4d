import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCATION_TIERS, TARGET_ROLES, type LocationTier, type TargetRole } from '@hiring/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

/** The role-advisor inputs (hiring-rules.md section 2), each a fact about the hiring company. */
export class RequisitionSignalsDto {
  @ApiProperty({ minimum: 0, maximum: 10000, example: 4 }) @IsInt() @Min(0) @Max(10000) mlTeamSize!: number;
  @ApiProperty() @IsBoolean() mlArchitectureOwned!: boolean;
  @ApiProperty() @IsBoolean() buildsProprietaryModels!: boolean;
  @ApiProperty() @IsBoolean() mlInProduction!: boolean;
  @ApiProperty() @IsBoolean() mlTechDebtGrowing!: boolean;
  @ApiProperty() @IsBoolean() productMlMisaligned!: boolean;
  @ApiProperty() @IsBoolean() aiFirstProduct!: boolean;
  @ApiProperty({ description: 'Someone already covers ML leadership part-time at manageable cost' }) @IsBoolean() partTimeMlLeadership!: boolean;
}

export class CreateRequisitionDto {
  @ApiProperty({ example: 'Lead for the ranking platform', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ enum: LOCATION_TIERS })
  @IsIn([...LOCATION_TIERS])
  locationTier!: LocationTier;

  @ApiProperty({ type: RequisitionSignalsDto })
  @ValidateNested()
  @Type(() => RequisitionSignalsDto)
  signals!: RequisitionSignalsDto;

  @ApiPropertyOptional({ enum: TARGET_ROLES, description: "Ops override of the advisor's role; the advice is stored either way" })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsIn([...TARGET_ROLES])
  targetRole?: TargetRole;
}

export class ListRequisitionsQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @ValidateIf((_q: object, value: unknown) => value !== undefined)
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class RoleSignalResponse {
  @ApiProperty() id!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty() reason!: string;
}

export class RoleAdviceResponse {
  @ApiProperty({ enum: TARGET_ROLES }) role!: TargetRole;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: [RoleSignalResponse] }) signals!: RoleSignalResponse[];
  @ApiProperty({ example: '2026-03' }) rulesVersion!: string;
}

export class RequisitionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LOCATION_TIERS }) locationTier!: LocationTier;
  @ApiProperty({ enum: TARGET_ROLES }) targetRole!: TargetRole;
  @ApiProperty({ enum: ['advisor', 'ops'], description: 'Who chose the target role' }) roleSource!: 'advisor' | 'ops';
  @ApiProperty({ type: RequisitionSignalsDto }) signals!: RequisitionSignalsDto;
  @ApiProperty({ type: RoleAdviceResponse }) advice!: RoleAdviceResponse;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
}

/** What an agency sees of an open requisition: enough to source for it, nothing of the company's internal signals. */
export class OpenRequisitionResponse {
  @ApiProperty({ format: 'uuid', description: 'Use as requisitionId in submissions' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LOCATION_TIERS }) locationTier!: LocationTier;
  @ApiProperty({ enum: TARGET_ROLES }) targetRole!: TargetRole;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}
