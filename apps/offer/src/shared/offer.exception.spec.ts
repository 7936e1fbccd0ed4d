import { PROBLEM_BASE, mappedProblem } from '@hiring/platform';
import { OFFER_EXCEPTIONS, OfferException, OfferExceptionCode } from './offer.exception';

describe('offer exceptions on HTTP', () => {
  it.each(Object.values(OfferExceptionCode))('maps offer code %s to an HTTP status', (code) => {
    expect([400, 404, 409, 422]).toContain(OFFER_EXCEPTIONS[code].http.status);
  });

  it('answers an inconsistent rate card as a validation problem with field paths', () => {
    const errors = [{ path: 'bands[0].base', message: 'min 3 is above max 2' }];
    const problem = mappedProblem(new OfferException(OfferExceptionCode.INVALID_RATE_CARD, 'The rate card is inconsistent.', { errors }), PROBLEM_BASE);
    expect(problem).toMatchObject({ type: 'https://hiring.local/problems/validation', status: 400, code: 'INVALID_RATE_CARD', errors });
  });

  it('does not let details overwrite the problem members', () => {
    const problem = mappedProblem(new OfferException(OfferExceptionCode.OFFER_NOT_FOUND, 'no offer x', { status: 200, type: 'evil' }), PROBLEM_BASE);
    expect(problem).toMatchObject({ status: 404, type: 'https://hiring.local/problems/offer-not-found', title: 'Not found' });
  });
});
