import { Injectable } from '@nestjs/common';
import { entityManagerOf, type Tx } from '@hiring/platform';
import { RateCardEntity } from './rate-card.entity';

@Injectable()
export class RateCardRepository {
  /** Every version, oldest first. The table stays small (one row per publication). */
  all(tx: Tx): Promise<RateCardEntity[]> {
    return entityManagerOf(tx).getRepository(RateCardEntity).find({ order: { effectiveFrom: 'ASC' } });
  }

  findByVersion(tx: Tx, version: string): Promise<RateCardEntity | null> {
    return entityManagerOf(tx).getRepository(RateCardEntity).findOneBy({ version });
  }

  latest(tx: Tx): Promise<RateCardEntity | null> {
    return entityManagerOf(tx).getRepository(RateCardEntity).findOne({ where: {}, order: { effectiveFrom: 'DESC' } });
  }

  /** Serialises publications so two admins cannot both pass the "after the latest" check. */
  async lockPublications(tx: Tx): Promise<void> {
    await entityManagerOf(tx).query(`SELECT pg_advisory_xact_lock(hashtext('offer:rate-card-publication'))`);
  }

  async insert(tx: Tx, card: Omit<RateCardEntity, 'createdAt'>): Promise<RateCardEntity> {
    const repo = entityManagerOf(tx).getRepository(RateCardEntity);
    await repo.insert(card);
    return repo.findOneByOrFail({ version: card.version });
  }
}
