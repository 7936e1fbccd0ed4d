import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Statuses sourcing writes; later consumers add theirs (screened, scored, ...). */
export type SourcingSubmissionStatus = 'received' | 'duplicate' | 'sourced';

/**
 * A submission's facts, written once at intake. Where it stands (status,
 * updated_at) lives in `sourcing.submission_states`, which changes with the
 * pipeline without rewriting this wide row (see SubmissionRepository).
 */
@Entity({ name: 'submissions' })
export class SubmissionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'agency_id' }) agencyId!: string;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('text') channel!: 'http' | 'kafka';
  @Column('uuid', { name: 'requisition_id' }) requisitionId!: string;
  /**
   * Identity and profile (SubmissionPersonalData), sealed with the data key of
   * `sealedFor`; NULL once that candidate is erased (the key is gone anyway).
   */
  @Column('text', { name: 'personal_data', nullable: true }) personalData!: string | null;
  /** The person the data is about: the candidate sourced, or the one a duplicate duplicates. */
  @Column('uuid', { name: 'sealed_for', nullable: true }) sealedFor!: string | null;
  @Column('uuid', { name: 'candidate_id', nullable: true }) candidateId!: string | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
}
