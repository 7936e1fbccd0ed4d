import { EVENT_TYPES } from './catalogue';
import { buildEvent, parseEvent } from './cloudevent';
import { ContractViolation, ContractViolationCode } from './contract-violation.exception';
import { EXAMPLE_EVENT_DATA, EXAMPLE_PROFILE, EXAMPLE_SIGNING_SECRET } from './examples/event-examples';
import { exampleEvent } from './examples/example-events';
import { tombstone, toKafkaRecord, CLOUDEVENTS_CONTENT_TYPE } from './kafka-record';
import { verifySubmissionSignature } from './submission-signature';

const scored = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScored];
const sourced = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateSourced];

function violationOf(action: () => unknown): ContractViolation {
  try {
    action();
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error('expected a ContractViolation, nothing was thrown');
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

describe('cloudevent-round-trip', () => {
  it('builds a CloudEvents 1.0 envelope keyed by the candidate and parses it back to the same event', () => {
    const event = buildEvent(EVENT_TYPES.candidateScored, {
      source: '/services/scoring',
      data: scored,
      id: 'evt-1',
      time: '2026-03-02T09:15:03Z',
      correlationId: 'corr-1',
    });

    expect(event).toEqual({
      specversion: '1.0',
      id: 'evt-1',
      source: '/services/scoring',
      type: 'recruiting.candidate-scored.v1',
      time: '2026-03-02T09:15:03Z',
      subject: scored.candidateId,
      datacontenttype: 'application/json',
      data: scored,
      correlationid: 'corr-1',
    });

    const parsed = parseEvent(Buffer.from(json(event)), { expectedTypes: [EVENT_TYPES.candidateScored] });
    expect(parsed.type).toBe(EVENT_TYPES.candidateScored);
    expect(parsed.event).toEqual(event);
    // data is the validated payload as received: plain JSON, the same object as the event's data.
    expect(parsed.data).toBe(parsed.event.data);
    expect(parsed.data).toEqual(scored);
  });

  it('round-trips every catalogue type, data included', () => {
    for (const type of Object.values(EVENT_TYPES)) {
      const event = exampleEvent(type);
      const parsed = parseEvent(json(event));
      expect(parsed.event).toEqual(event);
      expect(parsed.data).toEqual(EXAMPLE_EVENT_DATA[type]);
    }
    // The submission still carries the profile in clear (agencies hold no data keys).
    const parsed = parseEvent(json(exampleEvent(EVENT_TYPES.submission)), { expectedTypes: [EVENT_TYPES.submission] });
    expect(parsed.data.profile).toEqual(EXAMPLE_EVENT_DATA[EVENT_TYPES.submission].profile);
  });

  it('defaults id to a UUID and time to now, both valid on the wire', () => {
    const event = buildEvent(EVENT_TYPES.candidateErased, { source: '/services/sourcing', data: EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateErased] });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(event.time))).toBe(false);
    expect(event).not.toHaveProperty('correlationid');
  });

  it('narrows data by type', () => {
    const parsed = parseEvent(json(exampleEvent(EVENT_TYPES.offerGuidance)), {
      expectedTypes: [EVENT_TYPES.offerGuidance, EVENT_TYPES.offerDecided],
    });
    if (parsed.type !== EVENT_TYPES.offerGuidance) throw new Error(`unexpected ${parsed.type}`);
    expect(parsed.data.totalComp).toEqual({ min: 165000, max: 250000 });
  });
});

describe('cloudevent-violations', () => {
  const valid = exampleEvent(EVENT_TYPES.candidateScored);

  it('MALFORMED_JSON for bytes that are not JSON', () => {
    const violation = violationOf(() => parseEvent('{"specversion": "1.0",'));
    expect(violation.code).toBe(ContractViolationCode.MALFORMED_JSON);
    expect(violation.errors).toEqual([{ path: '', message: expect.any(String) }]);
  });

  it('MALFORMED_JSON names the position and kind, never the bytes (a refused record may be personal data)', () => {
    const person = 'Ada Lovelace ada@example.org +44 20 7946 0958';
    const cases = [person, `{"candidate": {"name": "${person}"} oops`, `{"name": "${person}`, ''];
    const messages = cases.map((text) => violationOf(() => parseEvent(text)).errors[0]?.message ?? '');
    for (const message of messages) {
      expect(message).toMatch(/^not valid JSON: /);
      for (const word of ['Ada', 'Lovelace', 'ada@example.org', '7946']) expect(message).not.toContain(word);
    }
    expect(messages[1]).toMatch(/unexpected character at position \d+ of \d+/);
    expect(messages[3]).toBe('not valid JSON: empty');
  });

  it('MALFORMED_JSON for bytes that are not UTF-8', () => {
    const violation = violationOf(() => parseEvent(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    expect(violation.code).toBe(ContractViolationCode.MALFORMED_JSON);
    expect(violation.errors[0]?.message).toMatch(/UTF-8/);
  });

  it('INVALID_ENVELOPE for JSON that is not an object', () => {
    const violation = violationOf(() => parseEvent('[1,2]'));
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(violation.errors).toEqual([{ path: '', message: 'must be a JSON object, got an array' }]);
  });

  it('INVALID_ENVELOPE names each bad attribute', () => {
    const violation = violationOf(() =>
      parseEvent(json({ ...valid, specversion: '0.3', time: 'yesterday', datacontenttype: 'text/plain', id: '' })),
    );
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(new Set(violation.errors.map((e) => e.path))).toEqual(new Set(['specversion', 'time', 'datacontenttype', 'id']));
    expect(violation.event).toEqual({ type: valid.type, id: '' });
  });

  it('INVALID_ENVELOPE for a missing attribute and for data that is not an object', () => {
    const { source: _source, ...withoutSource } = valid;
    expect(violationOf(() => parseEvent(json(withoutSource))).errors.map((e) => e.path)).toContain('source');
    const violation = violationOf(() => parseEvent(json({ ...valid, data: [scored] })));
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(violation.errors).toEqual([{ path: 'data', message: 'data must be an object' }]);
  });

  it('INVALID_ENVELOPE for an unknown envelope attribute (extensions are part of the contract)', () => {
    const violation = violationOf(() => parseEvent(json({ ...valid, partitionkey: 'x' })));
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(violation.errors).toEqual([{ path: 'partitionkey', message: 'property partitionkey should not exist' }]);
  });

  it('INVALID_ENVELOPE when the subject is not the candidate id (it would break per-candidate ordering)', () => {
    const violation = violationOf(() => parseEvent(json({ ...valid, subject: 'someone-else' })));
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(violation.errors).toEqual([{ path: 'subject', message: expect.stringContaining(scored.candidateId) }]);
  });

  it('UNKNOWN_TYPE for a well-formed type the catalogue does not know', () => {
    const violation = violationOf(() => parseEvent(json({ ...valid, type: 'recruiting.candidate-scored.v2' })));
    expect(violation.code).toBe(ContractViolationCode.UNKNOWN_TYPE);
    expect(violation.errors).toEqual([{ path: 'type', message: 'unknown event type "recruiting.candidate-scored.v2"' }]);
    expect(violation.event).toEqual({ type: 'recruiting.candidate-scored.v2', id: valid.id });
  });

  it('UNEXPECTED_TYPE for a known type this consumer does not read', () => {
    const violation = violationOf(() => parseEvent(json(valid), { expectedTypes: [EVENT_TYPES.candidateSourced] }));
    expect(violation.code).toBe(ContractViolationCode.UNEXPECTED_TYPE);
    expect(violation.errors).toEqual([{ path: 'type', message: expect.stringContaining('recruiting.candidate-sourced.v1') }]);
  });

  it('INVALID_PAYLOAD with dotted paths under data', () => {
    const bad = { ...scored, score: 101, rubric: { id: 'r', version: '' }, breakdown: [{ ...scored.breakdown[0], rules: [{ ruleId: 'tech.x', points: '5' }] }] };
    const violation = violationOf(() => parseEvent(json({ ...valid, data: bad })));
    expect(violation.code).toBe(ContractViolationCode.INVALID_PAYLOAD);
    expect(new Set(violation.errors.map((e) => e.path))).toEqual(
      new Set(['data.score', 'data.rubric.version', 'data.breakdown[0].rules[0].points']),
    );
    expect(violation.message).toMatch(/^INVALID_PAYLOAD: data\./);
  });

  it('INVALID_PAYLOAD for an unknown payload field (forbidNonWhitelisted), not a silent strip', () => {
    const violation = violationOf(() => parseEvent(json({ ...valid, data: { ...scored, candidateEmail: 'ada@example.org' } })));
    expect(violation.code).toBe(ContractViolationCode.INVALID_PAYLOAD);
    expect(violation.errors).toEqual([{ path: 'data.candidateEmail', message: 'property candidateEmail should not exist' }]);
  });

  it('INVALID_PAYLOAD deep in the profile names the exact field', () => {
    const system = EXAMPLE_PROFILE.productionSystems[0];
    if (!system) throw new Error('example profile has a production system');
    const profile = {
      ...EXAMPLE_PROFILE,
      productionSystems: [system, { ...system, evidence: { ...system.evidence, monitoring: 42, uptime: 'high' } }],
      architectureDecisions: [{ ...EXAMPLE_PROFILE.architectureDecisions[0], constraints: ['ok', 'x'.repeat(201)] }],
      codeReview: null,
    };
    const event = { ...exampleEvent(EVENT_TYPES.candidateSourced), data: { ...sourced, profile } };
    const violation = violationOf(() => parseEvent(json(event)));
    expect(violation.code).toBe(ContractViolationCode.INVALID_PAYLOAD);
    expect(violation.errors).toEqual(
      expect.arrayContaining([
        { path: 'data.profile.productionSystems[1].evidence.monitoring', message: 'monitoring must be a string' },
        { path: 'data.profile.productionSystems[1].evidence.uptime', message: 'property uptime should not exist' },
        { path: 'data.profile.architectureDecisions[0].constraints', message: expect.stringContaining('shorter than or equal to 200') },
        { path: 'data.profile.codeReview', message: 'codeReview must be an object' },
      ]),
    );
  });

  it('rejects __proto__ keys before they can reach an instance prototype', () => {
    const text = json(valid).replace('"score":78', '"score":78,"__proto__":{"polluted":true}');
    const violation = violationOf(() => parseEvent(text));
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(violation.errors).toEqual([{ path: 'data.__proto__', message: 'property __proto__ should not exist' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('cloudevent-build-validates-outgoing-events', () => {
  it('refuses to build an event its consumers would dead-letter', () => {
    const violation = violationOf(() =>
      buildEvent(EVENT_TYPES.candidateScored, { source: '/services/scoring', data: { ...scored, score: -1, extra: true } as typeof scored }),
    );
    expect(violation.code).toBe(ContractViolationCode.INVALID_PAYLOAD);
    expect(violation.errors.map((e) => e.path).sort()).toEqual(['data.extra', 'data.score']);
  });

  it('refuses a subject that disagrees with the data, and a bad envelope attribute', () => {
    const subject = violationOf(() => buildEvent(EVENT_TYPES.candidateScored, { source: '/services/scoring', data: scored, subject: 'cand-other' }));
    expect(subject.errors).toEqual([{ path: 'subject', message: expect.any(String) }]);
    const time = violationOf(() => buildEvent(EVENT_TYPES.candidateScored, { source: '/services/scoring', data: scored, time: '2026-03-02' }));
    expect(time.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(time.errors.map((e) => e.path)).toEqual(['time']);
  });

  it('refuses an event type outside the catalogue', () => {
    const violation = violationOf(() => buildEvent('recruiting.unknown.v1' as typeof EVENT_TYPES.candidateScored, { source: '/x', data: scored }));
    expect(violation.code).toBe(ContractViolationCode.UNKNOWN_TYPE);
  });
});

describe('cloudevent-agency-submission-signature', () => {
  const submission = EXAMPLE_EVENT_DATA[EVENT_TYPES.submission];

  it('signs a submission into the agencysig extension, keyed by agency and external id', () => {
    const event = buildEvent(EVENT_TYPES.submission, { source: '/agencies/northstar-talent', data: submission, signingSecret: EXAMPLE_SIGNING_SECRET });
    expect(event.subject).toBe('northstar-talent/NS-2026-0142');
    expect(event.agencysig).toMatch(/^[0-9a-f]{64}$/);
    const parsed = parseEvent(json(event), { expectedTypes: [EVENT_TYPES.submission] });
    expect(verifySubmissionSignature(parsed.event.data, parsed.event.agencysig ?? '', EXAMPLE_SIGNING_SECRET)).toBe(true);
  });

  it('a submission without a signature is an invalid envelope; building one without a secret is refused', () => {
    const { agencysig: _sig, ...unsigned } = exampleEvent(EVENT_TYPES.submission);
    const violation = violationOf(() => parseEvent(json(unsigned)));
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(violation.errors).toEqual([{ path: 'agencysig', message: 'recruiting.submission.v1 must carry an agency signature' }]);
    expect(violationOf(() => buildEvent(EVENT_TYPES.submission, { source: '/agencies/a', data: submission })).errors[0]?.path).toBe('agencysig');
  });

  it('a signature on a pipeline event is refused (only agencies sign)', () => {
    const violation = violationOf(() => parseEvent(json({ ...exampleEvent(EVENT_TYPES.candidateScored), agencysig: 'a'.repeat(64) })));
    expect(violation.errors).toEqual([{ path: 'agencysig', message: 'recruiting.candidate-scored.v1 is not a signed event type' }]);
    expect(violationOf(() => buildEvent(EVENT_TYPES.candidateScored, { source: '/s', data: scored, signingSecret: 's' })).code).toBe(
      ContractViolationCode.INVALID_ENVELOPE,
    );
  });

  it('a malformed signature is an invalid envelope', () => {
    const violation = violationOf(() => parseEvent(json({ ...exampleEvent(EVENT_TYPES.submission), agencysig: 'NOT-HEX' })));
    expect(violation.code).toBe(ContractViolationCode.INVALID_ENVELOPE);
    expect(violation.errors.map((e) => e.path)).toEqual(['agencysig']);
  });
});

describe('kafka-record', () => {
  it('is structured mode: key = subject, value = the whole event, no ce_ headers', () => {
    const event = exampleEvent(EVENT_TYPES.candidateScored);
    const record = toKafkaRecord(event);
    expect(record.key).toBe(scored.candidateId);
    expect(JSON.parse(record.value ?? 'null')).toEqual(event);
    expect(record.headers).toEqual({ 'content-type': CLOUDEVENTS_CONTENT_TYPE });
  });

  it('a tombstone is a null value under the candidate id', () => {
    expect(tombstone('cand-1')).toEqual({ key: 'cand-1', value: null, headers: {} });
  });
});

describe('recruiting.offer-decided.v1 names its submission (additive, v1 compatible)', () => {
  const withData = (data: Record<string, unknown>): string => json({ ...exampleEvent(EVENT_TYPES.offerDecided), data });
  const { submissionId, ...withoutSubmission } = EXAMPLE_EVENT_DATA[EVENT_TYPES.offerDecided];

  it('carries the submission id the offer was made on', () => {
    const parsed = parseEvent(withData({ ...withoutSubmission, submissionId }), { expectedTypes: [EVENT_TYPES.offerDecided] });
    if (parsed.type !== EVENT_TYPES.offerDecided) throw new Error(`unexpected ${parsed.type}`);
    expect(parsed.data.submissionId).toBe('sub-5e1d0b44');
  });

  it('still accepts an event published before the field existed', () => {
    const parsed = parseEvent(withData(withoutSubmission), { expectedTypes: [EVENT_TYPES.offerDecided] });
    if (parsed.type !== EVENT_TYPES.offerDecided) throw new Error(`unexpected ${parsed.type}`);
    expect(parsed.data.submissionId).toBeUndefined();
  });

  it('refuses a submission id that is not an identifier, naming the field', () => {
    for (const bad of ['', 42, null]) {
      try {
        parseEvent(withData({ ...withoutSubmission, submissionId: bad }), { expectedTypes: [EVENT_TYPES.offerDecided] });
        throw new Error(`accepted submissionId ${JSON.stringify(bad)}`);
      } catch (err) {
        expect(err).toBeInstanceOf(ContractViolation);
        expect((err as ContractViolation).code).toBe(ContractViolationCode.INVALID_PAYLOAD);
        expect((err as ContractViolation).errors.map((e) => e.path)).toContain('data.submissionId');
      }
    }
  });
});
