import type { LocationTier, TargetRole } from '@hiring/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One screening of a candidate under one rubric version, with every rule's verdict and evidence. */
@Entity({ schema: 'screening', name: 'screenings' })
export class ScreeningEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'candidate_id', type: 'text' }) candidateId!: string;
  @Column({ name: 'submission_id', type: 'text' }) submissionId!: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId!: string;
  @Column({ name: 'requisition_id', type: 'text' }) requisitionId!: string;
  @Column({ type: 'text' }) role!: TargetRole;
  @Column({ name: 'location_tier', type: 'text' }) locationTier!: LocationTier;
  @Column({ name: 'rubric_id', type: 'text' }) rubricId!: string;
  @Column({ name: 'rubric_version', type: 'text' }) rubricVersion!: string;
  @Column({ type: 'text' }) decision!: string;
  /** RuleOutcome[] of the domain: ruleId, group, met, state, thin; evidence empty (sealed in sealed_detail) except in rows from before sealing. */
  @Column({ type: 'jsonb' }) rules!: unknown;
  @Column({ type: 'jsonb' }) reasons!: unknown;
  /** InterviewKit of the domain: the probes (rule id + question) for what is not yet shown. */
  @Column({ name: 'interview_kit', type: 'jsonb' }) interviewKit!: unknown;
  @Column({ name: 'screened_at', type: 'timestamptz' }) screenedAt!: Date;
  /** 0: the profile alone; n: with the feedback of n interviews. */
  @Column({ type: 'int' }) revision!: number;
  /** Evidence per rule and the interview probes, sealed with the candidate's data key (ScreeningDetail). */
  @Column({ name: 'sealed_detail', type: 'text', nullable: true }) sealedDetail!: string | null;
}
