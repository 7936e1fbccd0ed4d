// The compiled check decides which events pass, so it must say exactly what
// the classes say. json-schema.spec.ts walks thousands of single-point
// mutations through both; here are the strings where JSON Schema and
// class-validator are known to read a rule differently (formats, lengths
// counted in code points or in validator.js's way), plus how a rejection is
// explained.
import { ALL_EVENT_TYPES, EVENT_CATALOGUE, EVENT_TYPES, type EventType } from './catalogue';
import { CloudEventEnvelope, buildEvent, parseEvent } from './cloudevent';
import { length } from 'class-validator';
import { CONTRACT_FORMATS, checkContract, classLength, withClassLengths } from './compiled-contract';
import { ContractViolation, ContractViolationCode } from './contract-violation.exception';
import { EXAMPLE_EVENT_DATA } from './examples/event-examples';
import { exampleEvent } from './examples/example-events';
import { ASYNCAPI_SCHEMAS } from './schemas/json-schema';
import { validatePlain } from './validation';

type Plain = Record<string, unknown>;

function plainExample(type: EventType): Plain {
  return JSON.parse(JSON.stringify(exampleEvent(type))) as Plain;
}

/** What the classes say of a whole event: envelope class, then the payload class of its type. */
function classesAccept(type: EventType, event: Plain): boolean {
  return validatePlain(CloudEventEnvelope, event).ok && validatePlain(EVENT_CATALOGUE[type].payload as new () => object, event['data']).ok;
}

function withCandidate(candidate: Plain): Plain {
  const event = plainExample(EVENT_TYPES.submission);
  return { ...event, data: { ...(event['data'] as Plain), candidate: { ...((event['data'] as Plain)['candidate'] as Plain), ...candidate } } };
}

function withScoredAt(scoredAt: string): Plain {
  const event = plainExample(EVENT_TYPES.candidateScored);
  return { ...event, data: { ...(event['data'] as Plain), scoredAt } };
}

const VS = '\uFE0F';
const EMOJI = '\u{1F600}';

const TRICKY: { label: string; type: EventType; event: Plain }[] = [
  // Lengths: validator.js does not count variation selectors, JSON Schema counts code points.
  { label: 'name of one variation selector', type: EVENT_TYPES.submission, event: withCandidate({ name: VS }) },
  { label: 'name of 200 letters and a variation selector', type: EVENT_TYPES.submission, event: withCandidate({ name: 'x'.repeat(200) + VS }) },
  { label: 'name of 201 letters', type: EVENT_TYPES.submission, event: withCandidate({ name: 'x'.repeat(201) }) },
  { label: 'name of 200 emoji (surrogate pairs)', type: EVENT_TYPES.submission, event: withCandidate({ name: EMOJI.repeat(200) }) },
  { label: 'name of 201 emoji', type: EVENT_TYPES.submission, event: withCandidate({ name: EMOJI.repeat(201) }) },
  // E-mail: the class's isEmail, not JSON Schema's.
  ...['ada@example.org', 'ada@localhost', 'ada@example', 'a..b@example.org', '"ada lovelace"@example.org', 'ada@[127.0.0.1]', 'ada@exa_mple.org', 'ada@example.org.'].map(
    (email) => ({ label: `email ${email}`, type: EVENT_TYPES.submission, event: withCandidate({ email }) }),
  ),
  // https URL: the class's isURL with its options, not a generic URI.
  ...['https://example.org/ada', 'https://localhost/ada', 'https://example', 'https://exa mple.org', 'https://user:pw@example.org', 'https://', 'https://example.org:99999'].map(
    (profileUrl) => ({ label: `profileUrl ${profileUrl}`, type: EVENT_TYPES.submission, event: withCandidate({ profileUrl }) }),
  ),
  // RFC 3339: the class's isRFC3339, not JSON Schema's date-time.
  ...[
    '2026-03-02T09:15:00Z',
    '2026-03-02t09:15:00z',
    '2026-03-02 09:15:00Z',
    '2026-03-02T09:15:00.123456789+01:00',
    '2026-03-02T09:15:00',
    '2026-02-30T09:15:00Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T23:59:60Z',
    '2026-03-02T09:15:00+0100',
  ].map((scoredAt) => ({ label: `scoredAt ${scoredAt}`, type: EVENT_TYPES.candidateScored, event: withScoredAt(scoredAt) })),
  ...['2026-03-02t09:15:00z', '2026-03-02T09:15:00.5-05:30', '2026-13-02T09:15:00Z'].map((time) => ({
    label: `envelope time ${time}`,
    type: EVENT_TYPES.candidateScored,
    event: { ...plainExample(EVENT_TYPES.candidateScored), time },
  })),
  { label: 'envelope id with a variation selector only', type: EVENT_TYPES.candidateScored, event: { ...plainExample(EVENT_TYPES.candidateScored), id: VS } },
];

describe('compiled-contract-agrees-with-the-classes', () => {
  it.each(ALL_EVENT_TYPES)('the example of %s passes', (type) => {
    expect(checkContract(type, plainExample(type))).toBeUndefined();
  });

  it.each(TRICKY.map((c) => [c.label, c] as const))('%s: same verdict', (_label, { type, event }) => {
    expect({ compiled: checkContract(type, event) === undefined }).toEqual({ compiled: classesAccept(type, event) });
  });

  it('the tricky strings bite: both accept some and reject some', () => {
    const verdicts = new Set(TRICKY.map(({ type, event }) => classesAccept(type, event)));
    expect(verdicts).toEqual(new Set([true, false]));
  });

  it('every format in the schemas is checked by a class-validator function', () => {
    const formats = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'format' && typeof value === 'string') formats.add(value);
          walk(value);
        }
      }
    };
    for (const type of ALL_EVENT_TYPES) walk(ASYNCAPI_SCHEMAS[type]);
    expect([...formats].sort()).toEqual(Object.keys(CONTRACT_FORMATS).sort());
  });

  it("classLength answers exactly as class-validator's length, plain text or not", () => {
    const texts = ['', 'a', 'ab', 'abc', '🚀', 'a🚀', '🚀🚀', '\u2764\uFE0F', '\uFE0F', 'x\uFE0Fy', '\uFE0E\uFE0E', '\uD800', 'a\uDC00', 'é', 'e\u0301', '測試', ' '.repeat(200), 'x'.repeat(201)];
    const bounds: Array<[number, number]> = [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2], [2, 3], [1, 200], [0, Number.MAX_SAFE_INTEGER]];
    for (const text of texts) for (const [min, max] of bounds) expect([text, min, max, classLength(text, min, max)]).toEqual([text, min, max, length(text, min, max)]);
    expect(classLength(3, 0, 10)).toBe(false);
    expect(classLength(undefined, 0, 10)).toBe(false);
  });

  it('string lengths become the class rule, everywhere', () => {
    const rewritten = JSON.stringify(withClassLengths(ASYNCAPI_SCHEMAS[EVENT_TYPES.submission]));
    expect(rewritten).not.toMatch(/"(minLength|maxLength)"/);
    expect(rewritten).toContain('"textLength":{"min":1,"max":200}');
  });
});

describe('compiled-contract-rejections-keep-their-reasons', () => {
  it('a rejected event is explained by the classes, field by field', () => {
    const event = plainExample(EVENT_TYPES.candidateScored);
    const bad = { ...event, data: { ...(event['data'] as Plain), score: 101, candidateEmail: 'ada@example.org' } };
    expect(checkContract(EVENT_TYPES.candidateScored, bad)).toBeDefined();
    let violation: unknown;
    try {
      parseEvent(JSON.stringify(bad));
    } catch (error) {
      violation = error;
    }
    expect(violation).toBeInstanceOf(ContractViolation);
    expect((violation as ContractViolation).code).toBe(ContractViolationCode.INVALID_PAYLOAD);
    expect((violation as ContractViolation).errors).toEqual(
      expect.arrayContaining([
        { path: 'data.score', message: 'score must not be greater than 100' },
        { path: 'data.candidateEmail', message: 'property candidateEmail should not exist' },
      ]),
    );
  });

  it('a valid event is returned as received, not copied into class instances', () => {
    const text = JSON.stringify(plainExample(EVENT_TYPES.candidateScored));
    const parsed = parseEvent(text);
    expect(parsed.data).toBe(parsed.event.data);
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
  });

  it('buildEvent explains data that is not an object, as before', () => {
    for (const data of [null, 'x', 42]) {
      expect(() => buildEvent(EVENT_TYPES.candidateScored, { source: '/services/scoring', data: data as never })).toThrow(/^INVALID_PAYLOAD: data: must be a JSON object/);
    }
  });

  it('buildEvent refuses what the compiled check refuses, with the class reasons', () => {
    const data = { ...EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScored], scoredAt: '2026-13-02T09:15:00Z' };
    expect(() => buildEvent(EVENT_TYPES.candidateScored, { source: '/services/scoring', data })).toThrow(/INVALID_PAYLOAD: data\.scoredAt: /);
  });
});
