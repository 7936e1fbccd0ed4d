import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsISO8601, IsIn, IsInt, IsObject, IsString, IsUUID, IsUrl, Length, Matches, Max, Min, ValidateIf, ValidateNested, isEmail, isObject, isString, isURL, isUUID, length, matches } from 'class-validator';
import { SUBMISSION_STATUSES } from '@hiring/domain';
import { CheckedPlainlyBy } from '@hiring/platform';
import { PageQuery } from '../shared/page-query.dto';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { profileFieldErrors } from './profile-errors';

/** Same bounds as the Kafka contract (recruiting.submission.v1), so both paths accept the same submissions. */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()./-]{5,30}$/;
/** What a profile URL must be (IsUrl options; the bulk check's fast path uses the same). */
export const PROFILE_URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true };
export const MAX_BULK_ITEMS = 500;
/**
 * Largest request body sourcing takes (the bulk route sets the need): 500
 * submissions with realistic profiles (about 3 KB each, see examples/) are
 * about 1.7 MB; 4 MiB leaves room for about 8 KB per submission on average.
 */
export const MAX_BULK_BYTES = 4 * 1024 * 1024;
export const BULK_LIMITS = `A bulk request holds at most ${MAX_BULK_ITEMS} submissions and ${MAX_BULK_BYTES} bytes (4 MiB, about 8 KB per submission).`;

const optional = () => ValidateIf((_o: object, value: unknown) => value !== undefined);
/** Surrounding spaces are not part of an address (docs/sourcing.md: emails are trimmed before normalising). */
const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Identity of the person: PII, kept in the sourcing schema only. At least one of email, phone, profileUrl. */
export class SubmittedCandidateDto {
  @ApiProperty({ example: 'Jane Doe', maxLength: 200 }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ example: 'jane.doe@example.com', maxLength: 200 }) @optional() @trimmed() @IsString() @Length(1, 200) @IsEmail() email?: string;
  @ApiPropertyOptional({ example: '+44 20 7946 0958' }) @optional() @IsString() @Matches(PHONE_PATTERN, { message: 'phone must be digits with an optional leading + and separators' }) phone?: string;
  @ApiPropertyOptional({ example: 'https://www.linkedin.com/in/jane-doe', maxLength: 2000 })
  @optional()
  @IsString()
  @Length(1, 2000)
  @IsUrl(PROFILE_URL_OPTIONS)
  profileUrl?: string;
}

// The single POST's body goes through the plain check first (the validation pipe's cost was mostly
// building instances and a deep copy of the ~3 KB profile, for a body that is valid anyway).
@CheckedPlainlyBy(plainSingleSubmission)
export class SubmitCandidateDto {
  @ApiProperty({ example: 'northwind-2026-0042', maxLength: 128, description: "The agency's own id for this submission: resubmitting it returns the original" })
  @IsString()
  @Length(1, 128)
  @Matches(EXTERNAL_ID_PATTERN)
  externalId!: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() requisitionId!: string;

  @ApiProperty({ type: SubmittedCandidateDto }) @ValidateNested() @Type(() => SubmittedCandidateDto) candidate!: SubmittedCandidateDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The candidate profile (libs/domain candidate-profile.schema.json): facts the screening reads, no identity',
  })
  @IsObject()
  profile!: Record<string, unknown>;
}

const SUBMISSION_FIELDS = new Set(['externalId', 'requisitionId', 'candidate', 'profile']);
const CANDIDATE_FIELDS = new Set(['name', 'email', 'phone', 'profileUrl']);

/**
 * The DTO's rules (SubmitCandidateDto, whitelist and forbidNonWhitelisted)
 * checked with class-validator's own functions, without building instances
 * or walking its metadata: most items are valid, and for them this is
 * several times cheaper. It answers only "certainly valid" (the item as the
 * DTO would hold it, email trimmed) or undefined, and then class-validator
 * runs for its messages (a bulk item: validateSubmissionItem; a single POST:
 * the validation pipe); so it may be stricter than the DTO, never looser
 * (submission-input.spec.ts compares the two on valid and invalid items).
 */
export function plainSubmission(raw: Record<string, unknown>): SubmitCandidateDto | undefined {
  for (const key in raw) if (!SUBMISSION_FIELDS.has(key)) return undefined;
  const { externalId, requisitionId, candidate, profile } = raw;
  if (!(isString(externalId) && length(externalId, 1, 128) && matches(externalId, EXTERNAL_ID_PATTERN))) return undefined;
  if (!isUUID(requisitionId)) return undefined;
  if (!isObject(profile)) return undefined;
  if (!isObject(candidate)) return undefined;
  const person = candidate as Record<string, unknown>;
  for (const key in person) if (!CANDIDATE_FIELDS.has(key)) return undefined;
  const { name, phone, profileUrl } = person;
  const email = typeof person['email'] === 'string' ? person['email'].trim() : person['email'];
  if (!(isString(name) && length(name, 1, 200))) return undefined;
  if (email !== undefined && !(isString(email) && length(email, 1, 200) && isEmail(email))) return undefined;
  if (phone !== undefined && !(isString(phone) && matches(phone, PHONE_PATTERN))) return undefined;
  if (profileUrl !== undefined && !(isString(profileUrl) && length(profileUrl, 1, 2000) && isURL(profileUrl, PROFILE_URL_OPTIONS))) return undefined;
  const checked: SubmittedCandidateDto = { name: name as string };
  if (email !== undefined) checked.email = email as string;
  if (phone !== undefined) checked.phone = phone as string;
  if (profileUrl !== undefined) checked.profileUrl = profileUrl as string;
  return { externalId: externalId as string, requisitionId: requisitionId as string, candidate: checked, profile: profile as Record<string, unknown> };
}

/**
 * plainSubmission for the single POST, whose profile the validation pipe
 * would rewrite: it deletes `__proto__`, `prototype` and `constructor` keys
 * (prototype pollution), and class-transformer's copy drops other names of
 * Object.prototype's members (`toString`, `valueOf`...). The pipe's way
 * accepted such a profile with the key silently gone, where a bulk item and a
 * Kafka event are refused by the profile check. So a profile with such a key
 * is refused here, before the pipe, with the profile check's errors (the
 * intake's answer to a bulk item): 400 INVALID_SUBMISSION. The walk was
 * already on this path, so the plain check costs what it did.
 */
function plainSingleSubmission(raw: Record<string, unknown>): SubmitCandidateDto | undefined {
  const profile = raw['profile'];
  if (namesAPrototypeMember(profile)) throw reservedProfileKeyProblem(profile);
  return plainSubmission(raw);
}

function reservedProfileKeyProblem(profile: unknown): SourcingException {
  const errors = profileFieldErrors(profile);
  // The profile schema refuses unknown keys everywhere; should it ever allow one, the refusal still names why.
  if (errors.length === 0) errors.push({ path: 'profile', message: 'must not have a key named like a member of Object.prototype (__proto__, constructor, toString...)' });
  return new SourcingException(SourcingExceptionCode.INVALID_SUBMISSION, 'The submission is invalid.', errors);
}

/** Whether any object within `value` has a key the pipe would rewrite (iterative; the pipe has bounded the depth already). */
function namesAPrototypeMember(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item);
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, key)) return true;
      stack.push((current as Record<string, unknown>)[key]);
    }
  }
  return false;
}

export class SubmissionAcceptedResponse {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ example: 'sourced', enum: SUBMISSION_STATUSES, description: 'Pipeline status' }) status!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Present when the submission created or joined a candidate this agency owns' }) candidateId?: string;
}

export class StatusChangeResponse {
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SubmissionResponse extends SubmissionAcceptedResponse {
  @ApiProperty() externalId!: string;
  @ApiProperty({ format: 'uuid' }) requisitionId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When sourcing last recorded a change of status (the order of GET /v1/submissions, and what updatedSince compares)' })
  updatedAt!: string;
  @ApiProperty({ type: [StatusChangeResponse] }) history!: StatusChangeResponse[];
}

export class ListSubmissionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, description: 'Only submissions in this status' })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @IsIn(SUBMISSION_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only submissions to this requisition' })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @IsUUID()
  requisitionId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only submissions whose updatedAt is at or after this time' })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @IsISO8601({ strict: true })
  updatedSince?: string;
}

export class SubmissionPage {
  @ApiProperty({ type: [SubmissionResponse] }) items!: SubmissionResponse[];
  @ApiPropertyOptional({ description: 'Present when more submissions follow: pass it as `cursor`, with the same filters' }) nextCursor?: string;
}

export class AgencyRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class DuplicateOfResponse {
  @ApiProperty({ type: AgencyRefResponse }) owningAgency!: AgencyRefResponse;
  @ApiProperty({ format: 'uuid' }) ownerCandidateId!: string;
  @ApiProperty({ type: [String], example: ['email'] }) matchedOn!: string[];
  @ApiProperty({ format: 'date-time' }) ownedUntil!: string;
  @ApiProperty() rulesVersion!: string;
}

export class OpsSubmissionResponse extends SubmissionResponse {
  @ApiProperty({ type: AgencyRefResponse }) agency!: AgencyRefResponse;
  @ApiProperty({ enum: ['http', 'kafka'] }) channel!: 'http' | 'kafka';
  @ApiProperty({ type: SubmittedCandidateDto, description: 'Identity as submitted (PII)' }) candidate!: SubmittedCandidateDto;
  @ApiPropertyOptional({ type: DuplicateOfResponse }) duplicateOf?: DuplicateOfResponse;
}

export class BulkItemError {
  @ApiProperty({ example: 'candidate.email' }) path!: string;
  @ApiProperty() message!: string;
}

export class BulkItemResult {
  @ApiProperty({ description: 'Position of the item in the array / line in the NDJSON body, from 0' }) index!: number;
  @ApiProperty({ enum: ['sourced', 'duplicate', 'invalid', 'conflict', 'rejected'], description: 'sourced/duplicate: accepted (or replayed); invalid: failed validation; conflict: externalId reused with another body; rejected: unknown or closed requisition' })
  status!: string;
  @ApiPropertyOptional({ format: 'uuid' }) submissionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) candidateId?: string;
  @ApiPropertyOptional({ description: 'True when the item repeated an earlier submission (same externalId and body)' }) replayed?: boolean;
  @ApiPropertyOptional({ type: [BulkItemError] }) errors?: BulkItemError[];
}

export class BulkSummary {
  @ApiProperty() total!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() failed!: number;
}

export class BulkSubmissionResponse {
  @ApiProperty({ type: [BulkItemResult] }) results!: BulkItemResult[];
  @ApiProperty({ type: BulkSummary }) summary!: BulkSummary;
}

export class DuplicateResponse {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ format: 'uuid' }) requisitionId!: string;
  @ApiProperty() externalId!: string;
  @ApiProperty({ type: AgencyRefResponse }) submittingAgency!: AgencyRefResponse;
  @ApiProperty({ type: AgencyRefResponse }) owningAgency!: AgencyRefResponse;
  @ApiProperty({ format: 'uuid' }) ownerCandidateId!: string;
  @ApiProperty({ type: [String] }) matchedOn!: string[];
  @ApiProperty({ format: 'date-time' }) ownedUntil!: string;
  @ApiProperty() rulesVersion!: string;
  @ApiProperty({ format: 'date-time' }) detectedAt!: string;
}

export class ListDuplicatesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only duplicates where this agency submitted or owns' })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
