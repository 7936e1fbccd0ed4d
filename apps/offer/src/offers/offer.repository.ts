import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { entityManagerOf, type Tx } from '@hiring/platform';
import { OfferEntity } from './offer.entity';
import { OfferOverrideEntity } from './offer-override.entity';

export type NewOffer = Omit<OfferEntity, 'createdAt'>;
export type NewOfferOverride = Omit<OfferOverrideEntity, 'createdAt'>;

@Injectable()
export class OfferRepository {
  async insert(tx: Tx, offer: NewOffer): Promise<OfferEntity> {
    const repo = entityManagerOf(tx).getRepository(OfferEntity);
    await repo.insert(offer);
    return repo.findOneByOrFail({ id: offer.id });
  }

  findById(tx: Tx, id: string): Promise<OfferEntity | null> {
    return entityManagerOf(tx).getRepository(OfferEntity).findOneBy({ id });
  }

  findByIdForUpdate(tx: Tx, id: string): Promise<OfferEntity | null> {
    return entityManagerOf(tx).getRepository(OfferEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  listByCandidate(tx: Tx, candidateId: string, limit: number): Promise<OfferEntity[]> {
    return entityManagerOf(tx).getRepository(OfferEntity).find({ where: { candidateId }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit });
  }

  async save(tx: Tx, offer: OfferEntity): Promise<OfferEntity> {
    return entityManagerOf(tx).getRepository(OfferEntity).save(offer);
  }

  async insertOverride(tx: Tx, override: NewOfferOverride): Promise<OfferOverrideEntity> {
    const repo = entityManagerOf(tx).getRepository(OfferOverrideEntity);
    await repo.insert(override);
    return repo.findOneByOrFail({ id: override.id });
  }

  findOverride(tx: Tx, offerId: string): Promise<OfferOverrideEntity | null> {
    return entityManagerOf(tx).getRepository(OfferOverrideEntity).findOneBy({ offerId });
  }

  async overridesByOffer(tx: Tx, offerIds: string[]): Promise<Map<string, OfferOverrideEntity>> {
    if (offerIds.length === 0) return new Map();
    const rows = await entityManagerOf(tx).getRepository(OfferOverrideEntity).findBy({ offerId: In(offerIds) });
    return new Map(rows.map((row) => [row.offerId, row]));
  }
}
