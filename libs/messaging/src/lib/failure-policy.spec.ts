import { backoffDelay, classifyFailure, DecodeFailure, DEFAULT_RETRY_POLICY, DependencyUnavailableError, failureAction, handlerFailureReason, TransientError } from './failure-policy';
import { ContractViolation, ContractViolationCode } from '@hiring/contracts';
import { DomainError, DomainErrorCode } from '@hiring/domain';
import { ServiceException, type ExceptionMappings } from '@hiring/platform';

type RackCode = 'BAD_ITEM' | 'RACK_BUSY';
const RACK: ExceptionMappings<RackCode> = {
  BAD_ITEM: { http: { status: 400, slug: 'validation', title: 'Invalid request' }, kafka: 'dead-letter' },
  RACK_BUSY: { http: { status: 409, slug: 'rack-busy', title: 'Rack busy' }, kafka: 'retry' },
};
class RackException extends ServiceException<RackCode> {
  override readonly name = 'RackException';
  protected readonly mappings = RACK;
}

describe('failure policy: what a consumed message failure leads to', () => {
  it.each([
    [new DecodeFailure('INVALID_PAYLOAD', 'bad', []), 'invalid-message', 'dead-letter-now'],
    [Object.assign(new Error('could not serialize access'), { code: '40001' }), 'transient', 'retry-with-backoff'],
    [{ name: 'QueryFailedError', message: 'x', driverError: { code: '40P01' } }, 'transient', 'retry-with-backoff'],
    [new TransientError('downstream 503'), 'transient', 'retry-with-backoff'],
    [new DependencyUnavailableError('key store answered 503'), 'database-unavailable', 'pause-and-probe'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }), 'database-unavailable', 'pause-and-probe'],
    [new Error('Connection terminated unexpectedly'), 'database-unavailable', 'pause-and-probe'],
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), 'database-unavailable', 'pause-and-probe'],
    [new Error('candidate has no requisition'), 'handler-error', 'isolate-then-dead-letter'],
    [Object.assign(new Error('duplicate key'), { code: '23505' }), 'handler-error', 'isolate-then-dead-letter'],
    [new RackException('BAD_ITEM', 'item has no id'), 'invalid-message', 'dead-letter-now'],
    [new RackException('RACK_BUSY', 'try later'), 'transient', 'retry-with-backoff'],
    [new DomainError(DomainErrorCode.NO_RATE_CARD, 'no rate card in force'), 'invalid-message', 'dead-letter-now'],
    [new DomainError(DomainErrorCode.INVALID_RULES, 'rubric has no evidenceQuality section'), 'invalid-message', 'dead-letter-now'],
  ])('%p is %s -> %s', (err, kind, action) => {
    expect(classifyFailure(err)).toBe(kind);
    expect(failureAction(classifyFailure(err))).toBe(action);
  });

  it('maps a contracts ContractViolation-shaped error to dlq reason fields', () => {
    const f = DecodeFailure.from(Object.assign(new Error('INVALID_PAYLOAD: data.seq: must be an integer'), { code: 'INVALID_PAYLOAD', errors: [{ path: 'data.seq', message: 'must be an integer' }] }));
    expect(f).toMatchObject({ code: 'INVALID_PAYLOAD', errors: [{ path: 'data.seq', message: 'must be an integer' }] });
  });

  it('backs off exponentially, capped, with jitter inside [base*(1-jitter), base]', () => {
    const p = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 100, multiplier: 2, maxDelayMs: 1_000, jitter: 0.5 };
    expect(backoffDelay(p, 1, () => 1)).toBe(100);
    expect(backoffDelay(p, 3, () => 1)).toBe(400);
    expect(backoffDelay(p, 3, () => 0)).toBe(200);
    expect(backoffDelay(p, 10, () => 1)).toBe(1_000);
  });
});

describe('dead-letter reason of a handler failure', () => {
  it("keeps a domain error's code from the platform's table", () => {
    const error = new DomainError(DomainErrorCode.RUBRIC_MISMATCH, 'screening was made with r1@1, not r1@2');
    expect(handlerFailureReason('invalid-message', error)).toEqual({ code: 'RUBRIC_MISMATCH', message: 'DomainError: RUBRIC_MISMATCH: screening was made with r1@1, not r1@2', errors: [] });
  });

  it("keeps a contract violation's code and field paths", () => {
    const error = new ContractViolation(ContractViolationCode.INVALID_PAYLOAD, [{ path: 'data.seq', message: 'must be an integer' }]);
    expect(handlerFailureReason('handler-error', error)).toMatchObject({ code: 'INVALID_PAYLOAD', errors: [{ path: 'data.seq', message: 'must be an integer' }] });
  });

  it('does not take a code no table knows: an error that merely carries one is a HANDLER_ERROR', () => {
    const error = Object.assign(new Error('signature does not verify'), { code: 'UNAUTHENTICATED_SUBMISSION', errors: [{ path: 'agencysig', message: 'bad' }] });
    expect(handlerFailureReason('handler-error', error)).toMatchObject({ code: 'HANDLER_ERROR', errors: [] });
  });

  it("a service exception's reason line names its code and repeats the field paths", () => {
    const error = new RackException('BAD_ITEM', 'item has no id', [{ path: 'data.id', message: 'required' }]);
    expect(handlerFailureReason('invalid-message', error)).toEqual({
      code: 'BAD_ITEM',
      message: 'RackException: BAD_ITEM: item has no id (data.id: required)',
      errors: [{ path: 'data.id', message: 'required' }],
    });
  });

  it('a plain error or a driver code (SQLSTATE) is a HANDLER_ERROR', () => {
    expect(handlerFailureReason('handler-error', new Error('boom')).code).toBe('HANDLER_ERROR');
    expect(handlerFailureReason('handler-error', Object.assign(new Error('dup'), { code: '23505' })).code).toBe('HANDLER_ERROR');
  });

  it('transient failures that outlived their retries say so', () => {
    expect(handlerFailureReason('transient', Object.assign(new Error('timeout'), { code: 'TIMEOUT_ERROR' })).code).toBe('RETRIES_EXHAUSTED');
  });
});
