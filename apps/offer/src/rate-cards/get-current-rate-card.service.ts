import { selectRateCard } from '@hiring/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { Transactions } from '@hiring/platform';
import { RateCardResponse } from './rate-card.dto';
import { toRateCard, toRateCardResponse } from './rate-card.mapper';
import { RateCardRepository } from './rate-card.repository';

/** The version in force on a day, chosen by the domain's rule (latest effectiveFrom not after the day). */
@Injectable()
export class GetCurrentRateCardService {
  constructor(private readonly tx: Transactions, private readonly rateCards: RateCardRepository, private readonly clock: Clock) {}

  async execute(on: string | undefined): Promise<RateCardResponse> {
    const entities = await this.rateCards.all(this.tx.reader);
    const inForce = selectRateCard(entities.map(toRateCard), on ?? this.clock.today());
    const entity = entities.find((e) => e.version === inForce.version);
    if (!entity) throw new Error(`selected rate card ${inForce.version} is not among the loaded versions`);
    return toRateCardResponse(entity);
  }
}
