import type { LocationTier, TargetRole } from '@hiring/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoringDecision } from './candidate-scored';

@Entity({ name: 'candidate_eligibility' })
export class CandidateEligibilityEntity {
  @PrimaryColumn({ name: 'candidate_id', type: 'text' })
  candidateId!: string;

  @Column({ name: 'submission_id', type: 'text' })
  submissionId!: string;

  @Column({ name: 'requisition_id', type: 'text' })
  requisitionId!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ type: 'text' })
  role!: TargetRole;

  @Column({ name: 'location_tier', type: 'text' })
  locationTier!: LocationTier;

  @Column({ type: 'text' })
  decision!: ScoringDecision;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ name: 'rubric_id', type: 'text' })
  rubricId!: string;

  @Column({ name: 'rubric_version', type: 'text' })
  rubricVersion!: string;

  @Column({ name: 'scored_at', type: 'timestamptz' })
  scoredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
