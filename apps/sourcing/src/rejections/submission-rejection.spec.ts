import type { DeadLetter } from '@hiring/messaging';
import { agencyReason, claimOfDeadLetter } from './submission-rejection';

const AGENCY = '0b7c2f0e-2d0a-4b9c-9a57-3a1f0c6de001';
const NOW = new Date('2026-12-03T12:00:00Z');

function letter(reason: string, envelope: unknown, overrides: Partial<DeadLetter> = {}): DeadLetter {
  return {
    dlqTopic: 'recruiting.submissions.v1.dlq',
    partition: 2,
    offset: '41',
    key: null,
    value: envelope === undefined ? null : Buffer.from(typeof envelope === 'string' ? envelope : JSON.stringify(envelope)),
    headers: {},
    reason,
    errors: [{ path: 'requisitionId', message: 'no such requisition' }],
    sourceTopic: 'recruiting.submissions.v1',
    sourcePartition: 2,
    sourceOffset: '17',
    consumerGroup: 'sourcing',
    failedAt: '2026-12-03T11:59:00.000Z',
    attempts: 1,
    ...overrides,
  };
}

const signed = (data: unknown) => ({ id: 'evt-1', data, agencysig: 'ab'.repeat(32) });

describe('sourcing / which dead letters can be told to an agency', () => {
  it('a signed record refused for its requisition claims its agency, with its externalId, event id and place in the dead-letter topic', () => {
    const claim = claimOfDeadLetter(letter('UNKNOWN_REQUISITION: SourcingException: ...', signed({ agencyId: AGENCY, externalId: 'ext-1' })), NOW);
    expect(claim).toMatchObject({ agencyId: AGENCY, externalId: 'ext-1', eventId: 'evt-1', reasonCode: 'UNKNOWN_REQUISITION', deadLetter: 'recruiting.submissions.v1.dlq/2/41' });
    expect(claim?.rejectedAt.toISOString()).toBe('2026-12-03T11:59:00.000Z');
  });

  it('a record refused for its signature, or not JSON, is nobody\'s', () => {
    expect(claimOfDeadLetter(letter('UNAUTHENTICATED_SUBMISSION: forged', signed({ agencyId: AGENCY, externalId: 'x' })), NOW)).toBeUndefined();
    expect(claimOfDeadLetter(letter('MALFORMED_JSON: not JSON', '{"data":'), NOW)).toBeUndefined();
  });

  it('without a signature, an agency id that is not a uuid, or data that is not an object, nothing is claimed', () => {
    expect(claimOfDeadLetter(letter('INVALID_PAYLOAD: x', { data: { agencyId: AGENCY } }), NOW)).toBeUndefined();
    expect(claimOfDeadLetter(letter('INVALID_PAYLOAD: x', signed({ agencyId: 'agency-1' })), NOW)).toBeUndefined();
    expect(claimOfDeadLetter(letter('INVALID_PAYLOAD: x', signed([AGENCY])), NOW)).toBeUndefined();
    expect(claimOfDeadLetter(letter('INVALID_PAYLOAD: x', undefined), NOW)).toBeUndefined();
  });

  it('an externalId too long or not a string is not kept; a letter without its failure time is dated now', () => {
    const claim = claimOfDeadLetter(letter('INVALID_PAYLOAD: x', signed({ agencyId: AGENCY, externalId: 'x'.repeat(129) }), { failedAt: '' }), NOW);
    expect(claim?.externalId).toBeNull();
    expect(claim?.rejectedAt).toEqual(NOW);
  });
});

describe('sourcing / what an agency reads about its rejection', () => {
  const errors = [{ path: 'data.profile.yearsOfExperience', message: 'must be an integer' }];

  it('a fault of the submission is explained with the fields at fault', () => {
    expect(agencyReason('INVALID_PAYLOAD', errors)).toEqual({ reason: 'The submission does not match the recruiting.submission.v1 contract.', errors });
    expect(agencyReason('REQUISITION_CLOSED', []).reason).toBe('The requisition is closed.');
  });

  it('an internal failure is named as such, without its details', () => {
    for (const code of ['HANDLER_ERROR', 'RETRIES_EXHAUSTED', 'SOMETHING_NEW']) {
      const told = agencyReason(code, [{ path: '', message: 'relation "sourcing.x" does not exist' }]);
      expect(told.errors).toEqual([]);
      expect(told.reason).toMatch(/internal error/);
    }
  });
});
