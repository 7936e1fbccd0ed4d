import 'reflect-metadata';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { canonicalJson } from '@hiring/contracts';
import { flattenValidationErrors, ProblemException, strictValidationPipe, validationProblem } from '@hiring/platform';
import { SubmitCandidateDto } from './submission.dto';

// The single POST's body: the validation pipe takes the DTO's plain check
// first. What the route receives and what a client is answered must be what
// the pipe's class-transformer + class-validator pass alone gives.
const BODY: ArgumentMetadata = { type: 'body', metatype: SubmitCandidateDto };
const REQUISITION = '6f1c2a8e-3b7d-4c55-9a0e-2d4b8f6a1c3e';
const PROFILE = { yearsExperience: 9, systems: [{ name: 'ranking', scale: 'large', tags: ['ml', 'search'] }], note: null, remote: true };
const base = { externalId: 'e-1', requisitionId: REQUISITION, candidate: { name: 'Jane', email: 'jane@example.com' }, profile: PROFILE };

/** The pipe as it was: class-transformer and class-validator on every body (the same options as StrictValidationPipe). */
const reference = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)) });

/** A fresh parse, as each request has (own `__proto__` keys kept, as JSON.parse makes them). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Outcome = { ok: true; json: string } | { ok: false; problem: unknown };

async function outcomeOf(work: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, json: canonicalJson(await work) };
  } catch (error) {
    if (error instanceof ProblemException) return { ok: false, problem: error.getResponse() };
    return { ok: false, problem: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

const candidates: Array<Record<string, unknown>> = [
  { name: 'Jane', email: 'jane@example.com' },
  { name: 'Jane', email: '  jane@example.com ' },
  { name: 'Jane', email: 'not-an-email' },
  { name: 'Jane', phone: '+44 20 7946 0958' },
  { name: 'Jane', profileUrl: 'https://www.linkedin.com/in/jane' },
  { name: 'Jane', profileUrl: 'www.example.com' },
  { name: '', email: 'jane@example.com' },
  { name: 'Jane', email: 'jane@example.com', nickname: 'J' },
];
const bodies: Array<Record<string, unknown>> = [
  ...candidates.map((candidate) => ({ ...base, candidate })),
  { ...base, externalId: '-starts-with-dash' },
  { ...base, requisitionId: 'not-a-uuid' },
  { ...base, profile: [] },
  { ...base, extra: true },
  { externalId: 'e-2', requisitionId: REQUISITION, candidate: base.candidate },
  // Profile keys that class-transformer treats apart (Object.prototype's members): the pipe's own way, as before.
  JSON.parse(`{"externalId":"e-3","requisitionId":"${REQUISITION}","candidate":{"name":"Jane"},"profile":{"systems":[{"toString":"x"}]}}`) as Record<string, unknown>,
  JSON.parse(`{"externalId":"e-4","requisitionId":"${REQUISITION}","candidate":{"name":"Jane"},"profile":{"__proto__":{"a":1}}}`) as Record<string, unknown>,
  JSON.parse(`{"externalId":"e-5","requisitionId":"${REQUISITION}","candidate":{"name":"Jane"},"profile":{"constructor":1}}`) as Record<string, unknown>,
  JSON.parse(`{"externalId":"e-6","requisitionId":"${REQUISITION}","candidate":{"name":"Jane"},"profile":{"roles":[{"prototype":true}]}}`) as Record<string, unknown>,
];

describe('sourcing / single POST body: the plain check answers what the validation pipe answered', () => {
  it.each(bodies.map((raw, i) => [i, raw] as const))('body %i: same value or same problem', async (_i, raw) => {
    const expected = await outcomeOf(reference.transform(copy(raw), BODY));
    expect(await outcomeOf(strictValidationPipe().transform(copy(raw), BODY))).toEqual(expected);
  });

  it('a valid body is taken by the plain check: the profile as parsed, not a copy', async () => {
    const raw = copy(base);
    const value = (await strictValidationPipe().transform(raw, BODY)) as SubmitCandidateDto;
    expect(value).not.toBeInstanceOf(SubmitCandidateDto);
    expect(value.profile).toBe(raw.profile);
  });
});
