import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The screening input of a candidate, as candidate-sourced carried it (no name, email or phone). */
@Entity({ schema: 'screening', name: 'candidate_profiles' })
export class CandidateProfileEntity {
  @PrimaryColumn({ name: 'candidate_id', type: 'text' }) candidateId!: string;
  @Column({ name: 'submission_id', type: 'text' }) submissionId!: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId!: string;
  @Column({ name: 'requisition_id', type: 'text' }) requisitionId!: string;
  @Column({ type: 'text' }) role!: string;
  @Column({ name: 'location_tier', type: 'text' }) locationTier!: string;
  @Column({ type: 'jsonb' }) profile!: unknown;
  @Column({ name: 'sourced_at', type: 'timestamptz' }) sourcedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
