// recruiting.candidate-sourced.v1: sourcing accepted a submission; the
// candidate now has an id and an owning agency. Screening needs facts, not
// identity: the profile is here, the name, email and phone are not.
import { CandidateProfilePayload } from './candidate-profile.payload';
import { Identifier, Nested, OneOf, Timestamp } from './field-rules';
import { LOCATION_TIERS, TARGET_ROLES, type LocationTier, type TargetRole } from './vocabulary';

export class CandidateSourcedEvent {
  @Identifier() candidateId!: string;
  @Identifier() submissionId!: string;
  @Identifier() agencyId!: string;
  @Identifier() requisitionId!: string;
  @OneOf(TARGET_ROLES) role!: TargetRole;
  @OneOf(LOCATION_TIERS) locationTier!: LocationTier;
  @Timestamp() sourcedAt!: string;
  @Nested(() => CandidateProfilePayload) profile!: CandidateProfilePayload;
}
