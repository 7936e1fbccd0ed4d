import { PROBLEM_BASE, mappedProblem } from '@hiring/platform';
import { SOURCING_EXCEPTIONS, SourcingException, SourcingExceptionCode } from './sourcing.exception';

describe('sourcing / HTTP mapping of error codes', () => {
  it('maps every code to a 4xx status and a problem type', () => {
    for (const code of Object.values(SourcingExceptionCode)) {
      const { status, slug } = SOURCING_EXCEPTIONS[code].http;
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(slug).toMatch(/^[a-z-]+$/);
    }
  });

  it('an idempotency conflict is a 409 problem with its field errors', () => {
    const problem = mappedProblem(new SourcingException(SourcingExceptionCode.IDEMPOTENCY_CONFLICT, 'used', [{ path: 'externalId', message: 'was already used' }]), PROBLEM_BASE);
    expect(problem).toEqual({
      type: 'https://hiring.local/problems/idempotency-conflict',
      title: 'Idempotency conflict',
      status: 409,
      detail: 'used',
      code: 'IDEMPOTENCY_CONFLICT',
      errors: [{ path: 'externalId', message: 'was already used' }],
    });
  });

  it('an unknown or closed requisition is 422, a missing submission 404', () => {
    expect(SOURCING_EXCEPTIONS[SourcingExceptionCode.UNKNOWN_REQUISITION].http.status).toBe(422);
    expect(SOURCING_EXCEPTIONS[SourcingExceptionCode.REQUISITION_CLOSED].http.status).toBe(422);
    expect(SOURCING_EXCEPTIONS[SourcingExceptionCode.SUBMISSION_NOT_FOUND].http.status).toBe(404);
  });
});
