import { DomainError, DomainErrorCode } from '@hiring/domain';
import { DOMAIN_ERRORS } from './domain-errors';
import { mappedError, mappedProblem } from './mapped-error';

function domainProblem(error: DomainError, base: string) {
  const mapped = mappedError(error);
  if (!mapped) throw new Error('a DomainError is always mapped');
  return mappedProblem(mapped, base);
}
import { PROBLEM_BASE } from '../http/problem-details.filter';

describe('domain errors: one table for every service, on HTTP and on Kafka', () => {
  it.each(Object.values(DomainErrorCode))('maps domain code %s to a client error or, for our own bug, a 500', (code) => {
    expect([400, 422, 500]).toContain(DOMAIN_ERRORS[code].http.status);
  });

  it('answers a missing rate card with 422 and the domain code, keeping the details', () => {
    const problem = domainProblem(new DomainError(DomainErrorCode.NO_RATE_CARD, 'no rate card is in force on 2026-02-01', { proposedOn: '2026-02-01' }), PROBLEM_BASE);
    expect(problem).toEqual({
      type: 'https://hiring.local/problems/no-rate-card',
      title: 'Unprocessable request',
      status: 422,
      detail: 'no rate card is in force on 2026-02-01',
      code: 'NO_RATE_CARD',
      proposedOn: '2026-02-01',
    });
  });

  it('answers malformed input to a rule as a validation problem', () => {
    const problem = domainProblem(new DomainError(DomainErrorCode.INVALID_INPUT, 'mlTeamSize must be a non-negative integer, got -1'), PROBLEM_BASE);
    expect(problem).toMatchObject({ type: 'https://hiring.local/problems/validation', status: 400, code: 'INVALID_INPUT' });
  });

  it('answers a rubric that does not fit with 422, and inconsistent stored rules as our 500', () => {
    expect(domainProblem(new DomainError(DomainErrorCode.RUBRIC_MISMATCH, 'x'), PROBLEM_BASE).status).toBe(422);
    expect(domainProblem(new DomainError(DomainErrorCode.INVALID_RULES, 'x'), PROBLEM_BASE).status).toBe(500);
  });

  it.each(Object.values(DomainErrorCode))('dead-letters a consumed message refused with %s at once: a retry reads the same input and rules', (code) => {
    expect(mappedError(new DomainError(code, 'x'))?.mapping.kafka).toBe('dead-letter');
  });

  it('does not let details overwrite the problem members', () => {
    const problem = domainProblem(new DomainError(DomainErrorCode.NO_RATE_CARD, 'none', { status: 200, type: 'evil' }), PROBLEM_BASE);
    expect(problem).toMatchObject({ status: 422, type: 'https://hiring.local/problems/no-rate-card' });
  });
});
