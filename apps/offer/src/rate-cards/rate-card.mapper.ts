import type { RateCard } from '@hiring/domain';
import type { RateCardEntity } from './rate-card.entity';
import { RateCardResponse, RateCardSummaryResponse } from './rate-card.dto';

/** The domain's view of a stored version: what checkOffer and selectRateCard read. */
export function toRateCard(entity: RateCardEntity): RateCard {
  return { version: entity.version, effectiveFrom: entity.effectiveFrom, source: entity.source, bands: entity.bands };
}

export function toRateCardSummary(entity: RateCardEntity): RateCardSummaryResponse {
  return {
    version: entity.version,
    effectiveFrom: entity.effectiveFrom,
    source: entity.source,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
  };
}

export function toRateCardResponse(entity: RateCardEntity): RateCardResponse {
  return {
    ...toRateCardSummary(entity),
    bands: entity.bands.map((band) => ({
      role: band.role,
      locationTier: band.locationTier,
      currency: band.currency,
      base: { min: band.base.min, max: band.base.max },
      totalComp: band.totalComp ? { min: band.totalComp.min, max: band.totalComp.max } : null,
    })),
  };
}
