import type { LocationTier, RequisitionSignals, RoleSignal, TargetRole } from '@hiring/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type RequisitionStatus = 'open' | 'closed';

@Entity({ name: 'requisitions' })
export class RequisitionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text', { name: 'location_tier' }) locationTier!: LocationTier;
  @Column('jsonb') signals!: RequisitionSignals;
  @Column('text', { name: 'advised_role' }) advisedRole!: TargetRole;
  @Column('jsonb', { name: 'advice_reasons' }) adviceReasons!: string[];
  @Column('jsonb', { name: 'advice_signals' }) adviceSignals!: RoleSignal[];
  @Column('text', { name: 'advisor_rules_version' }) advisorRulesVersion!: string;
  @Column('text', { name: 'target_role' }) targetRole!: TargetRole;
  @Column('text', { name: 'role_source' }) roleSource!: 'advisor' | 'ops';
  @Column('text') status!: RequisitionStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}
