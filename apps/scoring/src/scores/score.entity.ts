import type { LocationTier, TargetRole } from '@hiring/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current score of a candidate: ids, numbers and rule ids only (no free text, no identity). */
@Entity({ schema: 'scoring', name: 'scores' })
export class ScoreEntity {
  @PrimaryColumn({ name: 'candidate_id', type: 'text' }) candidateId!: string;
  @Column({ name: 'submission_id', type: 'text' }) submissionId!: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId!: string;
  @Column({ name: 'requisition_id', type: 'text' }) requisitionId!: string;
  @Column({ type: 'text' }) role!: TargetRole;
  @Column({ name: 'location_tier', type: 'text' }) locationTier!: LocationTier;
  @Column({ type: 'integer' }) score!: number;
  @Column({ name: 'raw_score', type: 'integer' }) rawScore!: number;
  /** The domain's Score.breakdown: technical / leadership groups and red-flag lines. */
  @Column({ type: 'jsonb' }) breakdown!: unknown;
  /** Raised red flags: [{ruleId, points}]. */
  @Column({ type: 'jsonb' }) penalties!: unknown;
  @Column({ type: 'text' }) decision!: string;
  @Column({ name: 'rubric_id', type: 'text' }) rubricId!: string;
  @Column({ name: 'rubric_version', type: 'text' }) rubricVersion!: string;
  @Column({ name: 'screened_at', type: 'timestamptz' }) screenedAt!: Date;
  @Column({ name: 'scored_at', type: 'timestamptz' }) scoredAt!: Date;
}
