import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'candidates' })
export class CandidateEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'owner_agency_id' }) ownerAgencyId!: string;
  @Column('uuid', { name: 'first_submission_id' }) firstSubmissionId!: string;
  @Column('timestamptz', { name: 'owned_from' }) ownedFrom!: Date;
  @Column('timestamptz', { name: 'owned_until' }) ownedUntil!: Date;
  @Column('text', { name: 'ownership_rules_version' }) ownershipRulesVersion!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
