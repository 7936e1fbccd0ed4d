// recruiting.submission.v1: an agency submits a sourced candidate over Kafka.
// The one event that carries identity (name, email, phone); sourcing keeps it
// in its own schema and never forwards it. Authenticity is not in the payload
// but in the envelope's `agencysig` extension, an HMAC over this data
// (see submission-signature.ts), so the signed bytes and the signature never mix.
import { IsEmail, IsUrl, Matches } from 'class-validator';
import { CandidateProfilePayload } from './candidate-profile.payload';
import { Identifier, LongText, Nested, Optional, ShortText } from './field-rules';

/** E.164-ish: a leading +, digits and common separators; bounded like every string. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{5,30}$/;

export class SubmittedCandidatePayload {
  @ShortText() name!: string;
  @Optional() @ShortText() @IsEmail() email?: string;
  @Optional() @ShortText() @Matches(PHONE_PATTERN) phone?: string;
  @Optional() @LongText() @IsUrl({ protocols: ['https'], require_protocol: true }) profileUrl?: string;
}

export class SubmissionEvent {
  @Identifier() agencyId!: string;
  /** The agency's own id for this submission: resubmitting the same one is a no-op (idempotency). */
  @ShortText() externalId!: string;
  @Identifier() requisitionId!: string;
  @Nested(() => SubmittedCandidatePayload) candidate!: SubmittedCandidatePayload;
  @Nested(() => CandidateProfilePayload) profile!: CandidateProfilePayload;
}
