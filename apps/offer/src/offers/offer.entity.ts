import type { Currency, LocationTier, StoredOfferReason, TargetRole } from '@hiring/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type { StoredOfferReason } from '@hiring/domain';

@Entity({ name: 'offers' })
export class OfferEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'candidate_id', type: 'text' })
  candidateId!: string;

  /** The candidate's scored submission the offer was made on; null for offers made before it was recorded. */
  @Column({ name: 'submission_id', type: 'text', nullable: true })
  submissionId!: string | null;

  @Column({ type: 'text' })
  role!: TargetRole;

  @Column({ name: 'location_tier', type: 'text' })
  locationTier!: LocationTier;

  @Column({ name: 'base_amount', type: 'integer' })
  baseAmount!: number;

  @Column({ name: 'base_currency', type: 'text' })
  baseCurrency!: Currency;

  @Column({ name: 'total_comp_amount', type: 'integer', nullable: true })
  totalCompAmount!: number | null;

  @Column({ name: 'total_comp_currency', type: 'text', nullable: true })
  totalCompCurrency!: Currency | null;

  @Column({ name: 'proposed_on', type: 'date' })
  proposedOn!: string;

  @Column({ name: 'proposed_by', type: 'text' })
  proposedBy!: string;

  @Column({ type: 'text' })
  decision!: 'approved' | 'refused';

  @Column({ name: 'floor_amount', type: 'integer' })
  floorAmount!: number;

  @Column({ name: 'floor_currency', type: 'text' })
  floorCurrency!: Currency;

  @Column({ type: 'integer', nullable: true })
  gap!: number | null;

  @Column({ type: 'jsonb' })
  reasons!: StoredOfferReason[];

  @Column({ name: 'rate_card_version', type: 'text' })
  rateCardVersion!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ name: 'declined_at', type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;

  @Column({ name: 'declined_by', type: 'text', nullable: true })
  declinedBy!: string | null;

  @Column({ name: 'declined_reason', type: 'text', nullable: true })
  declinedReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
