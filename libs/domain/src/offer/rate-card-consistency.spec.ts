import { RATE_CARD_2026_03 } from './rate-card-2026-03';
import type { RateBand } from './rate-card';
import { LOCATION_CURRENCY, rateCardProblems } from './rate-card-consistency';

const band = (overrides: Partial<RateBand> = {}): RateBand => ({
  role: 'ai-tech-lead',
  locationTier: 'us-sf-ny',
  currency: 'USD',
  base: { min: 250_000, max: 340_000 },
  totalComp: { min: 320_000, max: null },
  ...overrides,
});

describe('rate card consistency', () => {
  it('accepts the published March-2026 card', () => {
    expect(rateCardProblems(RATE_CARD_2026_03.bands)).toEqual([]);
  });

  it('reads each location\'s currency from the published card (Tel Aviv in USD, London in GBP)', () => {
    expect(LOCATION_CURRENCY).toEqual({ 'us-sf-ny': 'USD', 'us-metro': 'USD', 'us-remote': 'USD', 'uk-london': 'GBP', 'il-tel-aviv': 'USD' });
  });

  it('refuses a base band whose min is above its max', () => {
    expect(rateCardProblems([band({ base: { min: 300_000, max: 299_999 } })])).toEqual([{ path: 'bands[0].base', message: 'min 300000 is above max 299999' }]);
  });

  it('accepts min equal to max and an uncapped total compensation', () => {
    expect(rateCardProblems([band({ base: { min: 250_000, max: 250_000 }, totalComp: { min: 1, max: null } })])).toEqual([]);
  });

  it('refuses a capped total compensation whose min is above its max', () => {
    expect(rateCardProblems([band({ totalComp: { min: 400_000, max: 300_000 } })]).map((p) => p.path)).toEqual(['bands[0].totalComp']);
  });

  it('refuses two bands for the same role and location', () => {
    const problems = rateCardProblems([band(), band({ role: 'tech-lead' }), band()]);
    expect(problems).toEqual([{ path: 'bands[2]', message: 'duplicate band for ai-tech-lead in us-sf-ny (also bands[0])' }]);
  });

  it('refuses a location quoted in another currency than it is paid in', () => {
    expect(rateCardProblems([band({ locationTier: 'uk-london', currency: 'USD' })])).toEqual([
      { path: 'bands[0].currency', message: 'uk-london is paid in GBP, not USD' },
    ]);
  });

  it('refuses one location quoted in two currencies within a card, even for a location with no fixed currency', () => {
    const problems = rateCardProblems(
      [band({ locationTier: 'il-tel-aviv', currency: 'USD' }), band({ role: 'tech-lead', locationTier: 'il-tel-aviv', currency: 'GBP' })],
      {},
    );
    expect(problems).toEqual([{ path: 'bands[1].currency', message: 'il-tel-aviv is quoted in USD elsewhere in this card' }]);
  });
});
