import fc from 'fast-check';
import { DomainError, DomainErrorCode } from '../shared/domain-error';
import type { Currency } from '../shared/money';
import type { LocationTier, TargetRole } from '../shared/roles';
import { checkOffer } from './check-offer';
import type { Offer } from './offer';
import type { RateCard } from './rate-card';
import { RATE_CARD_2026_03, RATE_CARDS } from './rate-card-2026-03';

const offer = (overrides: Partial<Offer>): Offer => ({
  role: 'ai-tech-lead',
  location: 'uk-london',
  base: { amount: 140_000, currency: 'GBP' },
  proposedOn: '2026-03-15',
  ...overrides,
});

function expectDomainError(fn: () => unknown, code: DomainErrorCode, message?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect((caught as DomainError).code).toBe(code);
  if (message) expect((caught as DomainError).message).toBe(message);
}

const FLOORS: [TargetRole, LocationTier, Currency, number][] = [
  ['ai-tech-lead', 'us-sf-ny', 'USD', 250_000],
  ['ai-tech-lead', 'us-metro', 'USD', 200_000],
  ['ai-tech-lead', 'us-remote', 'USD', 180_000],
  ['ai-tech-lead', 'uk-london', 'GBP', 140_000],
  ['ai-tech-lead', 'il-tel-aviv', 'USD', 140_000],
  ['tech-lead', 'us-sf-ny', 'USD', 170_000],
  ['tech-lead', 'us-metro', 'USD', 170_000],
  ['tech-lead', 'us-remote', 'USD', 170_000],
  ['tech-lead', 'uk-london', 'GBP', 100_000],
];

describe.each(FLOORS)('salary floor / %s / %s', (role, location, currency, floor) => {
  it(`exactly at the floor (${floor} ${currency}) is approved with gap 0`, () => {
    const decision = checkOffer(offer({ role, location, base: { amount: floor, currency } }), RATE_CARDS);
    expect(decision).toMatchObject({ decision: 'approved', floor: { amount: floor, currency }, gap: 0, rateCardVersion: '2026-03' });
    expect(decision.reasons.map((r) => r.code)).toEqual(['MEETS_FLOOR']);
  });

  it('one unit below the floor is refused with gap 1', () => {
    const decision = checkOffer(offer({ role, location, base: { amount: floor - 1, currency } }), RATE_CARDS);
    expect(decision).toMatchObject({ decision: 'refused', floor: { amount: floor, currency }, gap: 1, rateCardVersion: '2026-03' });
    expect(decision.reasons[0]?.code).toBe('BELOW_FLOOR');
  });
});

describe('salary floor / London / one pound below the floor', () => {
  it('names the floor, the gap and the rate card version in the message', () => {
    const decision = checkOffer(offer({ base: { amount: 139_999, currency: 'GBP' } }), RATE_CARDS);
    expect(decision).toEqual({
      decision: 'refused',
      floor: { amount: 140_000, currency: 'GBP' },
      gap: 1,
      reasons: [
        { code: 'BELOW_FLOOR', message: '£139,999 is £1 below the AI Tech Lead floor of £140,000 in uk-london (rate card 2026-03)' },
        {
          // £139,999 is also inside the £100k-£150k software band: the benchmark mistake.
          code: 'SOFTWARE_BAND_BENCHMARK',
          message:
            '£139,999 sits inside the software Technical Lead band (£100,000–£150,000): this is the common mistake of benchmarking an AI Tech Lead against the software tech lead band, which runs well below the AI Tech Lead market (rate card 2026-03)',
        },
      ],
      rateCardVersion: '2026-03',
    });
  });
});

describe('salary floor / AI Tech Lead offer benchmarked on the software band', () => {
  it('US metro $190k: inside the $170k-$240k software band, under the $200k AI floor: names the mistake', () => {
    const decision = checkOffer(offer({ location: 'us-metro', base: { amount: 190_000, currency: 'USD' } }), RATE_CARDS);
    expect(decision.decision).toBe('refused');
    expect(decision.gap).toBe(10_000);
    expect(decision.reasons.map((r) => r.code)).toEqual(['BELOW_FLOOR', 'SOFTWARE_BAND_BENCHMARK']);
    expect(decision.reasons[1]?.message).toContain('benchmarking an AI Tech Lead against the software tech lead band');
  });

  it('London £120k sits in the £100k-£150k software band: names the mistake', () => {
    const decision = checkOffer(offer({ base: { amount: 120_000, currency: 'GBP' } }), RATE_CARDS);
    expect(decision.reasons.map((r) => r.code)).toEqual(['BELOW_FLOOR', 'SOFTWARE_BAND_BENCHMARK']);
  });

  it('US SF/NY $160k is below even the software band: only BELOW_FLOOR', () => {
    const decision = checkOffer(offer({ location: 'us-sf-ny', base: { amount: 160_000, currency: 'USD' } }), RATE_CARDS);
    expect(decision.reasons.map((r) => r.code)).toEqual(['BELOW_FLOOR']);
  });

  it('Tel Aviv has no software band, so no benchmark reason', () => {
    const decision = checkOffer(offer({ location: 'il-tel-aviv', base: { amount: 139_000, currency: 'USD' } }), RATE_CARDS);
    expect(decision.reasons.map((r) => r.code)).toEqual(['BELOW_FLOOR']);
  });

  it('a software Technical Lead below its own floor never gets the benchmark reason', () => {
    const decision = checkOffer(offer({ role: 'tech-lead', base: { amount: 99_000, currency: 'GBP' } }), RATE_CARDS);
    expect(decision.reasons.map((r) => r.code)).toEqual(['BELOW_FLOOR']);
  });
});

describe('salary floor / currency mismatch', () => {
  it('a London offer in USD is refused, never converted; gap is not computed', () => {
    const decision = checkOffer(offer({ base: { amount: 500_000, currency: 'USD' } }), RATE_CARDS);
    expect(decision).toMatchObject({ decision: 'refused', floor: { amount: 140_000, currency: 'GBP' }, gap: null });
    expect(decision.reasons.map((r) => r.code)).toEqual(['CURRENCY_MISMATCH']);
    expect(decision.reasons[0]?.message).toContain('made in GBP, not USD; no conversion is applied');
  });

  it('Tel Aviv is paid in USD: an offer in GBP is refused', () => {
    const decision = checkOffer(offer({ location: 'il-tel-aviv', base: { amount: 200_000, currency: 'GBP' } }), RATE_CARDS);
    expect(decision.reasons[0]?.code).toBe('CURRENCY_MISMATCH');
  });

  it('an override does not rescue an offer in the wrong currency', () => {
    const decision = checkOffer(
      offer({ base: { amount: 100_000, currency: 'USD' }, override: { approver: 'CFO', reason: 'relocation' } }),
      RATE_CARDS,
    );
    expect(decision.decision).toBe('refused');
    expect(decision).not.toHaveProperty('override');
  });
});

describe('salary floor / no band, no version, bad offer', () => {
  it('a Technical Lead in Tel Aviv has no band: an error, not an approval', () => {
    expectDomainError(
      () => checkOffer(offer({ role: 'tech-lead', location: 'il-tel-aviv', base: { amount: 999_999, currency: 'USD' } }), RATE_CARDS),
      DomainErrorCode.NO_RATE_CARD,
      'rate card 2026-03 has no Technical Lead band for il-tel-aviv; no floor can be checked',
    );
  });

  it('a proposal before the first rate card version is an error', () => {
    expectDomainError(
      () => checkOffer(offer({ proposedOn: '2026-02-28' }), RATE_CARDS),
      DomainErrorCode.NO_RATE_CARD,
      'no rate card is in force on 2026-02-28: the earliest version (2026-03) takes effect on 2026-03-01',
    );
  });

  it('an unknown location is an invalid offer', () => {
    expectDomainError(() => checkOffer(offer({ location: 'berlin' as LocationTier }), RATE_CARDS), DomainErrorCode.INVALID_OFFER);
  });

  it('a date that does not exist is an invalid offer', () => {
    expectDomainError(() => checkOffer(offer({ proposedOn: '2026-02-30' }), RATE_CARDS), DomainErrorCode.INVALID_OFFER);
  });

  it('a negative amount is an invalid offer', () => {
    expectDomainError(() => checkOffer(offer({ base: { amount: -1, currency: 'GBP' } }), RATE_CARDS), DomainErrorCode.INVALID_OFFER);
  });
});

describe('salary floor / rate card version switches on its effective date', () => {
  const v2: RateCard = {
    ...RATE_CARD_2026_03,
    version: 'test-v2',
    effectiveFrom: '2026-09-01',
    bands: RATE_CARD_2026_03.bands.map((b) => (b.locationTier === 'uk-london' && b.role === 'ai-tech-lead' ? { ...b, base: { min: 150_000, max: 195_000 } } : b)),
  };
  const cards = [v2, RATE_CARD_2026_03]; // order of the list must not matter

  it('the day before v2 takes effect, v1 judges: £145k approved', () => {
    const decision = checkOffer(offer({ base: { amount: 145_000, currency: 'GBP' }, proposedOn: '2026-08-31' }), cards);
    expect(decision).toMatchObject({ decision: 'approved', rateCardVersion: '2026-03', floor: { amount: 140_000 } });
  });

  it('on the effective day, v2 judges: £145k refused, gap £5k', () => {
    const decision = checkOffer(offer({ base: { amount: 145_000, currency: 'GBP' }, proposedOn: '2026-09-01' }), cards);
    expect(decision).toMatchObject({ decision: 'refused', rateCardVersion: 'test-v2', floor: { amount: 150_000 }, gap: 5_000 });
  });

  it('two versions effective the same day is a data error', () => {
    expectDomainError(() => checkOffer(offer({}), [RATE_CARD_2026_03, { ...RATE_CARD_2026_03, version: 'dup' }]), DomainErrorCode.INVALID_RULES);
  });
});

describe('salary floor / override below the floor', () => {
  it('without an approver is an error', () => {
    expectDomainError(
      () => checkOffer(offer({ base: { amount: 130_000, currency: 'GBP' }, override: { approver: ' ', reason: 'budget freeze' } }), RATE_CARDS),
      DomainErrorCode.INVALID_OVERRIDE,
      'an override below the floor needs a named approver and a reason; missing: approver',
    );
  });

  it('without a reason is an error', () => {
    expectDomainError(
      () => checkOffer(offer({ base: { amount: 130_000, currency: 'GBP' }, override: { approver: 'Jane Doe, VP Eng', reason: '' } }), RATE_CARDS),
      DomainErrorCode.INVALID_OVERRIDE,
    );
  });

  it('with approver and reason: approved, recorded, gap kept', () => {
    const override = { approver: 'Jane Doe, VP Eng', reason: 'equity-heavy package agreed with the candidate' };
    const decision = checkOffer(offer({ base: { amount: 130_000, currency: 'GBP' }, override }), RATE_CARDS);
    expect(decision.decision).toBe('approved');
    expect(decision.override).toEqual(override);
    expect(decision.gap).toBe(10_000);
    expect(decision.reasons.map((r) => r.code)).toEqual(['BELOW_FLOOR', 'SOFTWARE_BAND_BENCHMARK', 'OVERRIDE_BELOW_FLOOR']);
    expect(decision.reasons[2]?.message).toBe(
      'approved below the floor by override: approver Jane Doe, VP Eng, reason: equity-heavy package agreed with the candidate',
    );
  });

  it('at or above the floor the override is not used and not recorded', () => {
    const decision = checkOffer(offer({ override: { approver: 'Jane', reason: 'just in case' } }), RATE_CARDS);
    expect(decision.decision).toBe('approved');
    expect(decision).not.toHaveProperty('override');
    expect(decision.reasons.map((r) => r.code)).toEqual(['MEETS_FLOOR', 'OVERRIDE_NOT_USED']);
  });
});

describe('salary floor / "$520k+" has no cap', () => {
  it('the SF/NY AI Tech Lead total compensation has no upper bound', () => {
    const band = RATE_CARD_2026_03.bands.find((b) => b.role === 'ai-tech-lead' && b.locationTier === 'us-sf-ny');
    expect(band?.totalComp).toEqual({ min: 320_000, max: null });
  });

  it('a base far above the band top ($900k in SF/NY) is approved: the floor has no ceiling', () => {
    expect(checkOffer(offer({ location: 'us-sf-ny', base: { amount: 900_000, currency: 'USD' } }), RATE_CARDS).decision).toBe('approved');
  });
});

describe('salary floor / invariants (property-based)', () => {
  const tierArb = fc.constantFrom(...FLOORS);

  it('raising a base never turns approved into refused', () => {
    fc.assert(
      fc.property(tierArb, fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 0, max: 300_000 }), ([role, location, currency], amount, raise) => {
        const before = checkOffer(offer({ role, location, base: { amount, currency } }), RATE_CARDS);
        const after = checkOffer(offer({ role, location, base: { amount: amount + raise, currency } }), RATE_CARDS);
        if (before.decision === 'approved') expect(after.decision).toBe('approved');
        if (after.gap !== null && before.gap !== null) expect(after.gap).toBeLessThanOrEqual(before.gap);
      }),
    );
  });

  it('approved exactly when the base reaches the floor, and gap = max(0, floor - base)', () => {
    fc.assert(
      fc.property(tierArb, fc.integer({ min: 0, max: 600_000 }), ([role, location, currency, floor], amount) => {
        const decision = checkOffer(offer({ role, location, base: { amount, currency } }), RATE_CARDS);
        expect(decision.decision).toBe(amount >= floor ? 'approved' : 'refused');
        expect(decision.gap).toBe(Math.max(0, floor - amount));
      }),
    );
  });
});
