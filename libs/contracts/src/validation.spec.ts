import { MoneyPayload } from './events/common.payload';
import { OfferDecidedEvent } from './events/offer-decided.event';
import { EXAMPLE_EVENT_DATA } from './examples/event-examples';
import { STRICT_VALIDATION_OPTIONS, flattenValidationErrors, validatePlain } from './validation';

const offer = EXAMPLE_EVENT_DATA['recruiting.offer-decided.v1'];

describe('strict-validation', () => {
  it('returns a class instance with nested instances for a valid payload', () => {
    const result = validatePlain(OfferDecidedEvent, offer);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value).toBeInstanceOf(OfferDecidedEvent);
    expect(result.value.floor).toBeInstanceOf(MoneyPayload);
  });

  it('rejects unknown fields by default and strips them when forbidUnknown is false', () => {
    const plain = { ...offer, floor: { ...offer.floor, cents: 0 }, note: 'x' };
    const strict = validatePlain(OfferDecidedEvent, plain);
    expect(strict).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { path: 'note', message: 'property note should not exist' },
        { path: 'floor.cents', message: 'property cents should not exist' },
      ]),
    });
    const lenient = validatePlain(OfferDecidedEvent, plain, { forbidUnknown: false });
    if (!lenient.ok) throw new Error(JSON.stringify(lenient.errors));
    expect(lenient.value).not.toHaveProperty('note');
    expect(lenient.value.floor).not.toHaveProperty('cents');
  });

  it('does not convert types implicitly: "140000" is not an amount', () => {
    const result = validatePlain(MoneyPayload, { amount: '140000', currency: 'GBP' });
    expect(result).toEqual({ ok: false, errors: expect.arrayContaining([{ path: 'amount', message: 'amount must be an integer number' }]) });
  });

  it('treats null as a value, not as an absent optional field', () => {
    const result = validatePlain(OfferDecidedEvent, { ...offer, override: null });
    expect(result).toEqual({ ok: false, errors: expect.arrayContaining([{ path: 'override', message: 'override must be an object' }]) });
    if (!result.ok) expect(new Set(result.errors.map((e) => e.path))).toEqual(new Set(['override']));
    const { override: _absent, ...withoutOverride } = offer;
    expect(validatePlain(OfferDecidedEvent, withoutOverride).ok).toBe(true);
  });

  it('rejects a value that is not an object at the root', () => {
    for (const plain of [null, 'offer', 42, [offer]]) {
      const result = validatePlain(OfferDecidedEvent, plain);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([{ path: '', message: expect.stringMatching(/^must be a JSON object/) }]);
    }
  });

  it('rejects an array where one nested object is expected, and arrays nested in lists', () => {
    const result = validatePlain(OfferDecidedEvent, { ...offer, floor: [offer.floor], reasons: [offer.reasons] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['floor', 'reasons']));
    }
  });

  it('flattens array indexes as [i] and nested properties with dots', () => {
    expect(
      flattenValidationErrors([
        {
          property: 'reasons',
          children: [{ property: '1', children: [{ property: 'code', constraints: { matches: 'code must match' }, children: [] }] }],
        },
      ]),
    ).toEqual([{ path: 'reasons[1].code', message: 'code must match' }]);
  });

  it('exports options a NestJS ValidationPipe accepts as they are', () => {
    expect(STRICT_VALIDATION_OPTIONS).toMatchObject({ whitelist: true, forbidNonWhitelisted: true, transform: true });
    expect(STRICT_VALIDATION_OPTIONS.transformOptions.enableImplicitConversion).toBe(false);
  });
});
