import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { EXAMPLE_EVENT_DATA, EXAMPLE_SIGNING_SECRET } from './examples/event-examples';
import { signSubmission, submissionCanonicalForms, verifyCanonicalSignature, verifySubmissionSignature } from './submission-signature';

const submission = EXAMPLE_EVENT_DATA['recruiting.submission.v1'];

describe('canonical-json', () => {
  it('sorts keys at every depth and drops whitespace, so key order on the wire does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('is the same for the same data written in reversed key order at every depth', () => {
    const reversed = reverseKeys(submission);
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(submission));
    expect(canonicalJson(JSON.parse(JSON.stringify(reversed)))).toBe(canonicalJson(submission));
  });

  it('omits undefined members like JSON does, keeps unicode as is, and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 'Zoë – £' })).toBe('{"b":"Zoë – £"}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/a is not a finite number/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });
});

describe('agency-submission-signature', () => {
  const signature = signSubmission(submission, EXAMPLE_SIGNING_SECRET);

  it('is the hex HMAC-SHA256 of the canonical JSON of data', () => {
    const expected = createHmac('sha256', EXAMPLE_SIGNING_SECRET).update(canonicalJson(submission)).digest('hex');
    expect(signature).toBe(expected);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies the untouched data, even re-serialised in another key order', () => {
    const reordered = JSON.parse(JSON.stringify(reverseKeys(submission))) as unknown;
    expect(verifySubmissionSignature(submission, signature, EXAMPLE_SIGNING_SECRET)).toBe(true);
    expect(verifySubmissionSignature(reordered, signature, EXAMPLE_SIGNING_SECRET)).toBe(true);
  });

  it('fails for tampered data', () => {
    const tampered = { ...submission, requisitionId: 'req-other' };
    expect(verifySubmissionSignature(tampered, signature, EXAMPLE_SIGNING_SECRET)).toBe(false);
    const deep = { ...submission, profile: { ...submission.profile, yearsOfExperience: 12 } };
    expect(verifySubmissionSignature(deep, signature, EXAMPLE_SIGNING_SECRET)).toBe(false);
  });

  it('fails with the wrong secret, an empty secret, or a malformed signature', () => {
    expect(verifySubmissionSignature(submission, signature, 'another-agency-secret')).toBe(false);
    expect(verifySubmissionSignature(submission, signature, '')).toBe(false);
    expect(verifySubmissionSignature(submission, signature.toUpperCase(), EXAMPLE_SIGNING_SECRET)).toBe(false);
    expect(verifySubmissionSignature(submission, signature.slice(2), EXAMPLE_SIGNING_SECRET)).toBe(false);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
}

describe('submission-canonical-forms', () => {
  const bodyOf = (d: Record<string, unknown>) => canonicalJson({ externalId: d['externalId'], requisitionId: d['requisitionId'], candidate: d['candidate'], profile: d['profile'] });

  it('gives the canonical JSON of data and of the idempotency body, each as serialising it whole would', () => {
    const forms = submissionCanonicalForms(submission);
    expect(forms.signed).toBe(canonicalJson(submission));
    expect(forms.body).toBe(bodyOf(submission as unknown as Record<string, unknown>));
  });

  it('still does with fields missing, an extra field, or an agencyId that is not a string', () => {
    const { profile: _p, ...noProfile } = submission;
    const cases: Record<string, unknown>[] = [noProfile, { agencyId: 'a"b,c' }, { ...submission, extra: 1 }, { ...submission, agencyId: 7 }, {}];
    for (const data of cases) {
      const forms = submissionCanonicalForms(data);
      expect(forms.signed).toBe(canonicalJson(data));
      expect(forms.body).toBe(bodyOf(data));
    }
  });

  it('verifies the signature over the form it returns, and refuses a tampered one', () => {
    const signature = signSubmission(submission, EXAMPLE_SIGNING_SECRET);
    expect(verifyCanonicalSignature(submissionCanonicalForms(submission).signed, signature, EXAMPLE_SIGNING_SECRET)).toBe(true);
    expect(verifyCanonicalSignature(submissionCanonicalForms({ ...submission, externalId: 'other' }).signed, signature, EXAMPLE_SIGNING_SECRET)).toBe(false);
    expect(verifyCanonicalSignature(submissionCanonicalForms(submission).signed, 'not-hex', EXAMPLE_SIGNING_SECRET)).toBe(false);
  });
});
