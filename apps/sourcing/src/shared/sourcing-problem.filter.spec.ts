import { httpStatusOf, toProblem } from './sourcing-problem.filter';
import { SourcingException, SourcingExceptionCode } from './sourcing.exception';

describe('sourcing / HTTP mapping of error codes', () => {
  it('maps every code to a 4xx status and a problem type', () => {
    for (const code of Object.values(SourcingExceptionCode)) {
      const { status, slug } = httpStatusOf(code);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(slug).toMatch(/^[a-z-]+$/);
    }
  });

  it('an idempotency conflict is a 409 problem with its field errors', () => {
    const problem = toProblem(new SourcingException(SourcingExceptionCode.IDEMPOTENCY_CONFLICT, 'used', [{ path: 'externalId', message: 'was already used' }]));
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
    expect(httpStatusOf(SourcingExceptionCode.UNKNOWN_REQUISITION).status).toBe(422);
    expect(httpStatusOf(SourcingExceptionCode.REQUISITION_CLOSED).status).toBe(422);
    expect(httpStatusOf(SourcingExceptionCode.SUBMISSION_NOT_FOUND).status).toBe(404);
  });
});
