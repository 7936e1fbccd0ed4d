import type { OfferDecision } from './offer';
import { isEligibleForOffer, overrideBlocker, refuseIneligible, type StoredOfferReason } from './offer-eligibility';

const reasons = (...codes: StoredOfferReason['code'][]): StoredOfferReason[] => codes.map((code) => ({ code, message: code }) as StoredOfferReason);

describe('offer policy around the floor check', () => {
  it('advance and review candidates may receive an offer, rejected ones may not', () => {
    expect(isEligibleForOffer('advance')).toBe(true);
    expect(isEligibleForOffer('review')).toBe(true);
    expect(isEligibleForOffer('reject')).toBe(false);
  });

  it('a candidate who still needs an interview may not receive an offer yet', () => {
    expect(isEligibleForOffer('needs-interview')).toBe(false);
  });

  describe('refusing a candidate who is not eligible', () => {
    const approved: OfferDecision = {
      decision: 'approved',
      floor: { amount: 250_000, currency: 'USD' },
      gap: 0,
      reasons: [{ code: 'MEETS_FLOOR', message: 'meets the floor' }],
      rateCardVersion: '2026-03',
    };

    it('refuses even an offer that meets the floor, naming the eligibility first and keeping the floor reasons', () => {
      const outcome = refuseIneligible(approved, { candidateId: 'c-1', decision: 'reject', rubricVersion: 'r-7' });
      expect(outcome.decision).toBe('refused');
      expect(outcome.gap).toBe(0);
      expect(outcome.reasons.map((r) => r.code)).toEqual(['CANDIDATE_NOT_ELIGIBLE', 'MEETS_FLOOR']);
      expect(outcome.reasons[0].message).toMatch(/c-1 was scored "reject" \(rubric r-7\)/);
    });
  });

  describe('when an override may apply', () => {
    it('applies to a refusal below the floor, with or without the software-band mistake', () => {
      expect(overrideBlocker({ decision: 'refused', reasons: reasons('BELOW_FLOOR') })).toBeNull();
      expect(overrideBlocker({ decision: 'refused', reasons: reasons('BELOW_FLOOR', 'SOFTWARE_BAND_BENCHMARK') })).toBeNull();
    });

    it('does not apply to an approved offer', () => {
      expect(overrideBlocker({ decision: 'approved', reasons: reasons('MEETS_FLOOR') })).toMatch(/already approved/);
    });

    it('does not apply to a currency mismatch', () => {
      expect(overrideBlocker({ decision: 'refused', reasons: reasons('CURRENCY_MISMATCH') })).toMatch(/currency/);
    });

    it('does not apply to a candidate who is not eligible, even below the floor', () => {
      expect(overrideBlocker({ decision: 'refused', reasons: reasons('CANDIDATE_NOT_ELIGIBLE', 'BELOW_FLOOR') })).toMatch(/not eligible/);
    });
  });
});
