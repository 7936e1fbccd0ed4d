import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { StoredOfferReason } from './offer.entity';

/** An exception below the floor: who granted it, why, when, and what it replaced. */
@Entity({ name: 'overrides' })
export class OfferOverrideEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ type: 'text' })
  approver!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'previous_decision', type: 'text' })
  previousDecision!: 'approved' | 'refused';

  @Column({ name: 'previous_reasons', type: 'jsonb' })
  previousReasons!: StoredOfferReason[];

  @Column({ type: 'text' })
  decision!: 'approved' | 'refused';

  @Column({ name: 'rate_card_version', type: 'text' })
  rateCardVersion!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
