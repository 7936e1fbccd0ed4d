import type { LocationTier, TargetRole } from '@hiring/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The screening input of a candidate, as candidate-sourced carried it (no name, email or phone; the profile sealed). */
@Entity({ schema: 'screening', name: 'candidate_profiles' })
export class CandidateProfileEntity {
  @PrimaryColumn({ name: 'candidate_id', type: 'text' }) candidateId!: string;
  @Column({ name: 'submission_id', type: 'text' }) submissionId!: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId!: string;
  @Column({ name: 'requisition_id', type: 'text' }) requisitionId!: string;
  @Column({ type: 'text' }) role!: TargetRole;
  @Column({ name: 'location_tier', type: 'text' }) locationTier!: LocationTier;
  /** Only rows stored before sealing; now NULL. */
  @Column({ type: 'jsonb', nullable: true }) profile!: unknown;
  /** The profile sealed with the candidate's data key (context `<candidateId>:profile`). */
  @Column({ name: 'sealed_profile', type: 'text', nullable: true }) sealedProfile!: string | null;
  @Column({ name: 'sourced_at', type: 'timestamptz' }) sourcedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
