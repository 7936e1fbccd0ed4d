import { EVENT_TYPES } from '@hiring/contracts';
import { exampleEvent } from '@hiring/contracts/testing';
import { DecodeFailure, type RawMessage } from '@hiring/messaging';
import { stageEventDecoder } from './stage-event.decoder';

const record = (value: unknown): RawMessage => ({
  topic: 't',
  partition: 0,
  offset: '0',
  timestamp: '0',
  key: null,
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: {},
});

function failure(value: unknown, expectedTypes?: string[]): DecodeFailure {
  try {
    stageEventDecoder(record(value), { expectedTypes });
  } catch (error) {
    if (error instanceof DecodeFailure) return error;
    throw error;
  }
  throw new Error('decoded');
}

describe('stageEventDecoder: the fields the monitor reads, nothing more', () => {
  it('reads each stage event of the catalogue examples, keeping only ids, times and decisions', () => {
    const sourced = exampleEvent(EVENT_TYPES.candidateSourced);
    expect(sourced.data.sealedProfile).toBeDefined();
    const d = stageEventDecoder(record(sourced), { expectedTypes: [EVENT_TYPES.candidateSourced] });
    expect(d).toMatchObject({ id: sourced.id, type: sourced.type, source: sourced.source, subject: sourced.subject });
    const { candidateId, agencyId, requisitionId, role, sourcedAt } = sourced.data;
    expect(d.data).toEqual({ candidateId, agencyId, requisitionId, role, sourcedAt });
    expect(JSON.stringify(d.envelope)).not.toContain('sealedProfile');
    for (const type of [EVENT_TYPES.candidateScreened, EVENT_TYPES.candidateScored, EVENT_TYPES.offerDecided, EVENT_TYPES.candidateErased]) {
      const e = exampleEvent(type);
      const data = stageEventDecoder(record(e), { expectedTypes: [type] }).data as Record<string, unknown>;
      for (const [field, value] of Object.entries(data)) expect(value).toEqual((e.data as unknown as Record<string, unknown>)[field]);
      expect(data).toHaveProperty('candidateId');
    }
  });

  it('refuses what it cannot read, with the reasons the dead letter carries', () => {
    const screened = exampleEvent(EVENT_TYPES.candidateScreened);
    expect(failure('{"id":').code).toBe('MALFORMED_JSON');
    expect(failure({ ...screened, specversion: '0.3' }).code).toBe('INVALID_ENVELOPE');
    expect(failure(screened, [EVENT_TYPES.candidateScored]).code).toBe('UNEXPECTED_TYPE');
    expect(failure({ ...screened, type: 'recruiting.unknown.v1' }).code).toBe('UNEXPECTED_TYPE');
    const bad = failure({ ...screened, data: { ...screened.data, decision: 'maybe', screenedAt: 'yesterday', candidateId: '' } });
    expect(bad.code).toBe('INVALID_PAYLOAD');
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['data.candidateId', 'data.decision', 'data.screenedAt']);
  });
});
