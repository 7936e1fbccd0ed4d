import type { RateBand } from '@hiring/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'rate_cards' })
export class RateCardEntity {
  @PrimaryColumn({ type: 'text' })
  version!: string;

  /** `date` columns hydrate as 'YYYY-MM-DD' strings. */
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'jsonb' })
  bands!: RateBand[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
