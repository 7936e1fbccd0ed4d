import type { RateBand, RateCard } from './rate-card';

/**
 * The general Technical Lead has one US band for every US tier and one UK
 * band; the guide publishes no Tel Aviv band and no total compensation for it.
 */
const techLeadUs = (locationTier: 'us-sf-ny' | 'us-metro' | 'us-remote'): RateBand => ({
  role: 'tech-lead',
  locationTier,
  currency: 'USD',
  base: { min: 170_000, max: 240_000 },
  totalComp: null,
});

/** Figures as published in the March-2026 hiring guide (hiring-rules.md sections 1 and 5). */
export const RATE_CARD_2026_03: RateCard = {
  version: '2026-03',
  effectiveFrom: '2026-03-01',
  source: 'hiring guide, figures as published March 2026 (shared/domain/hiring-rules.md §1, §5)',
  bands: [
    { role: 'ai-tech-lead', locationTier: 'us-sf-ny', currency: 'USD', base: { min: 250_000, max: 340_000 }, totalComp: { min: 320_000, max: null } },
    { role: 'ai-tech-lead', locationTier: 'us-metro', currency: 'USD', base: { min: 200_000, max: 280_000 }, totalComp: { min: 240_000, max: 380_000 } },
    { role: 'ai-tech-lead', locationTier: 'us-remote', currency: 'USD', base: { min: 180_000, max: 260_000 }, totalComp: { min: 220_000, max: 340_000 } },
    { role: 'ai-tech-lead', locationTier: 'uk-london', currency: 'GBP', base: { min: 140_000, max: 185_000 }, totalComp: { min: 165_000, max: 250_000 } },
    // Tel Aviv is paid in USD.
    { role: 'ai-tech-lead', locationTier: 'il-tel-aviv', currency: 'USD', base: { min: 140_000, max: 210_000 }, totalComp: { min: 170_000, max: 280_000 } },
    techLeadUs('us-sf-ny'),
    techLeadUs('us-metro'),
    techLeadUs('us-remote'),
    { role: 'tech-lead', locationTier: 'uk-london', currency: 'GBP', base: { min: 100_000, max: 150_000 }, totalComp: null },
  ],
};

/** Every published rate card version; append new versions, keep old ones (offers are judged by the version of their date). */
export const RATE_CARDS: readonly RateCard[] = [RATE_CARD_2026_03];
