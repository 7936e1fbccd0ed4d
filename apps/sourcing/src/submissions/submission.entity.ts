import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Statuses sourcing writes; later consumers add theirs (screened, scored, ...). */
export type SourcingSubmissionStatus = 'received' | 'duplicate' | 'sourced';

@Entity({ name: 'submissions' })
export class SubmissionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'agency_id' }) agencyId!: string;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('text') channel!: 'http' | 'kafka';
  @Column('uuid', { name: 'requisition_id' }) requisitionId!: string;
  // PII: identity as the agency gave it. Never leaves the sourcing schema.
  @Column('text', { name: 'candidate_name' }) candidateName!: string;
  @Column('text', { name: 'candidate_email', nullable: true }) candidateEmail!: string | null;
  @Column('text', { name: 'candidate_phone', nullable: true }) candidatePhone!: string | null;
  @Column('text', { name: 'candidate_profile_url', nullable: true }) candidateProfileUrl!: string | null;
  @Column('jsonb') profile!: Record<string, unknown>;
  @Column('text') status!: string;
  @Column('uuid', { name: 'candidate_id', nullable: true }) candidateId!: string | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
