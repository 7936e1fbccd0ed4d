import { RATE_CARD_2026_03 } from './rate-card-2026-03';
import { selectRateCard } from './select-rate-card';

describe('rate card 2026-03 / figures as published', () => {
  const band = (role: string, tier: string) => RATE_CARD_2026_03.bands.find((b) => b.role === role && b.locationTier === tier);

  it('is effective from 2026-03-01', () => {
    expect(RATE_CARD_2026_03).toMatchObject({ version: '2026-03', effectiveFrom: '2026-03-01' });
  });

  it.each([
    ['us-sf-ny', 'USD', 250_000, 340_000, 320_000, null],
    ['us-metro', 'USD', 200_000, 280_000, 240_000, 380_000],
    ['us-remote', 'USD', 180_000, 260_000, 220_000, 340_000],
    ['uk-london', 'GBP', 140_000, 185_000, 165_000, 250_000],
    ['il-tel-aviv', 'USD', 140_000, 210_000, 170_000, 280_000],
  ])('AI Tech Lead %s: %s base %i-%i, total %i-%s', (tier, currency, min, max, tcMin, tcMax) => {
    expect(band('ai-tech-lead', tier)).toEqual({
      role: 'ai-tech-lead',
      locationTier: tier,
      currency,
      base: { min, max },
      totalComp: { min: tcMin, max: tcMax },
    });
  });

  it('Technical Lead: one US band for every US tier, one UK band, no Tel Aviv band', () => {
    for (const tier of ['us-sf-ny', 'us-metro', 'us-remote']) {
      expect(band('tech-lead', tier)).toMatchObject({ currency: 'USD', base: { min: 170_000, max: 240_000 } });
    }
    expect(band('tech-lead', 'uk-london')).toMatchObject({ currency: 'GBP', base: { min: 100_000, max: 150_000 } });
    expect(band('tech-lead', 'il-tel-aviv')).toBeUndefined();
  });

  it('one band per role and tier', () => {
    const keys = RATE_CARD_2026_03.bands.map((b) => `${b.role}/${b.locationTier}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('rate card / selection', () => {
  it('the first day of the card selects it', () => {
    expect(selectRateCard([RATE_CARD_2026_03], '2026-03-01').version).toBe('2026-03');
  });

  it('a malformed date is an error', () => {
    expect(() => selectRateCard([RATE_CARD_2026_03], '15/03/2026')).toThrow('rate card: "15/03/2026" is not a calendar day (YYYY-MM-DD)');
  });

  it('no rate card at all is an error', () => {
    expect(() => selectRateCard([], '2026-03-01')).toThrow('no rate card has been published');
  });
});
