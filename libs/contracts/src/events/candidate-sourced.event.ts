// recruiting.candidate-sourced.v1: sourcing accepted a submission; the
// candidate now has an id and an owning agency. Screening needs facts, not
// identity: the name, email and phone are not here. The profile (free text
// that can name the person) travels sealed with the candidate's data key in
// `sealedProfile`; a plain `profile` is only found in events published before
// sealing. Exactly one of the two is present; a consumer refuses neither.
import { CandidateProfilePayload } from './candidate-profile.payload';
import { CandidateRefPayload } from './common.payload';
import { Nested, Optional, Sealed, Timestamp } from './field-rules';

export class CandidateSourcedEvent extends CandidateRefPayload {
  @Timestamp() sourcedAt!: string;
  /** Personal data: only in events published before sealing. */
  @Optional() @Nested(() => CandidateProfilePayload) profile?: CandidateProfilePayload;
  /** Personal data, sealed: the profile as JSON, encrypted with the candidate's data key (context `<candidateId>:profile`). */
  @Optional() @Sealed() sealedProfile?: string;
}
