import { rateCardProblems } from '@hiring/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { Transactions } from '@hiring/platform';
import { OfferException, OfferExceptionCode } from '../shared/offer.exception';
import { PublishRateCardDto, RateCardResponse } from './rate-card.dto';
import { toRateCardResponse } from './rate-card.mapper';
import { RateCardRepository } from './rate-card.repository';

/**
 * Adds a rate card version. Versions are immutable and append-only: a new one
 * takes effect after the latest and not in the past, so no day that offers
 * were already judged on changes its card.
 */
@Injectable()
export class PublishRateCardService {
  constructor(private readonly tx: Transactions, private readonly rateCards: RateCardRepository, private readonly clock: Clock) {}

  async execute(dto: PublishRateCardDto): Promise<RateCardResponse> {
    const bands = dto.bands.map((b) => ({
      role: b.role,
      locationTier: b.locationTier,
      currency: b.currency,
      base: { min: b.base.min, max: b.base.max },
      totalComp: b.totalComp ? { min: b.totalComp.min, max: b.totalComp.max } : null,
    }));
    const problems = rateCardProblems(bands);
    if (problems.length > 0) {
      throw new OfferException(OfferExceptionCode.INVALID_RATE_CARD, 'The rate card is inconsistent.', { errors: problems });
    }
    const saved = await this.tx.run(async (tx) => {
      await this.rateCards.lockPublications(tx);
      if (await this.rateCards.findByVersion(tx, dto.version)) {
        throw new OfferException(OfferExceptionCode.RATE_CARD_VERSION_EXISTS, `rate card version "${dto.version}" already exists; versions are immutable`, {
          version: dto.version,
        });
      }
      const latest = await this.rateCards.latest(tx);
      if (latest && dto.effectiveFrom <= latest.effectiveFrom) {
        throw new OfferException(
          OfferExceptionCode.RATE_CARD_NOT_AFTER_LATEST,
          `effectiveFrom ${dto.effectiveFrom} must be after ${latest.effectiveFrom}, when the latest version (${latest.version}) took effect`,
          { effectiveFrom: dto.effectiveFrom, latestVersion: latest.version, latestEffectiveFrom: latest.effectiveFrom },
        );
      }
      const today = this.clock.today();
      if (dto.effectiveFrom < today) {
        throw new OfferException(
          OfferExceptionCode.RATE_CARD_RETROACTIVE,
          `effectiveFrom ${dto.effectiveFrom} is in the past (today is ${today}); offers already judged keep their card`,
          { effectiveFrom: dto.effectiveFrom, today },
        );
      }
      return this.rateCards.insert(tx, {
        version: dto.version,
        effectiveFrom: dto.effectiveFrom,
        source: dto.source,
        bands,
        createdBy: dto.createdBy.trim(),
      });
    });
    return toRateCardResponse(saved);
  }
}
