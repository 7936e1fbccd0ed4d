import { DomainError, DomainErrorCode } from '@hiring/domain';
import { PROBLEM_BASE, serviceProblem } from '@hiring/platform';
import { OFFER_EXCEPTIONS, OfferException, OfferExceptionCode } from './offer.exception';
import { domainErrorStatus, toProblem } from './offer-problem.mapper';

describe('offer problem mapping', () => {
  it.each(Object.values(DomainErrorCode))('maps domain code %s to an HTTP status', (code) => {
    expect([422, 500]).toContain(domainErrorStatus(code));
  });

  it.each(Object.values(OfferExceptionCode))('maps offer code %s to an HTTP status', (code) => {
    expect([400, 404, 409, 422]).toContain(OFFER_EXCEPTIONS[code].http.status);
  });

  it('throws on a domain code nobody mapped instead of answering a default', () => {
    expect(() => domainErrorStatus('SOMETHING_NEW' as DomainErrorCode)).toThrow(/unmapped/);
  });

  it('answers a missing rate card with 422 and the domain code, keeping the details', () => {
    const problem = toProblem(new DomainError(DomainErrorCode.NO_RATE_CARD, 'no rate card is in force on 2026-02-01', { proposedOn: '2026-02-01' }));
    expect(problem).toEqual({
      type: 'https://hiring.local/problems/no-rate-card',
      title: 'Unprocessable request',
      status: 422,
      detail: 'no rate card is in force on 2026-02-01',
      code: 'NO_RATE_CARD',
      proposedOn: '2026-02-01',
    });
  });

  it('answers an inconsistent rate card as a validation problem with field paths', () => {
    const errors = [{ path: 'bands[0].base', message: 'min 3 is above max 2' }];
    const problem = serviceProblem(new OfferException(OfferExceptionCode.INVALID_RATE_CARD, 'The rate card is inconsistent.', { errors }), PROBLEM_BASE);
    expect(problem).toMatchObject({ type: 'https://hiring.local/problems/validation', status: 400, code: 'INVALID_RATE_CARD', errors });
  });

  it('does not let details overwrite the problem members', () => {
    const problem = serviceProblem(new OfferException(OfferExceptionCode.OFFER_NOT_FOUND, 'no offer x', { status: 200, type: 'evil' }), PROBLEM_BASE);
    expect(problem).toMatchObject({ status: 404, type: 'https://hiring.local/problems/offer-not-found', title: 'Not found' });
  });
});
