// What the other features may ask of rate cards: the domain's RateCard, read
// in the caller's transaction. Publishing and the HTTP views stay inside
// rate-cards/.
import { Injectable } from '@nestjs/common';
import type { RateCard } from '@hiring/domain';
import type { Tx } from '@hiring/platform';
import { toRateCard } from './rate-card.mapper';
import { RateCardRepository } from './rate-card.repository';

@Injectable()
export class RateCardBook {
  constructor(private readonly rateCards: RateCardRepository) {}

  /** Every published version, oldest first. */
  async all(tx: Tx): Promise<RateCard[]> {
    return (await this.rateCards.all(tx)).map(toRateCard);
  }

  async version(tx: Tx, version: string): Promise<RateCard | null> {
    const card = await this.rateCards.findByVersion(tx, version);
    return card ? toRateCard(card) : null;
  }
}
