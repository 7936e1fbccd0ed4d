import { isEligibleForOffer } from './candidate-scored';

describe('offer eligibility from the scoring decision', () => {
  it('lets advance and review candidates receive an offer', () => {
    expect(isEligibleForOffer('advance')).toBe(true);
    expect(isEligibleForOffer('review')).toBe(true);
  });

  it('keeps rejected candidates out', () => {
    expect(isEligibleForOffer('reject')).toBe(false);
  });
});
