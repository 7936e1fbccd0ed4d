import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { canonicalJson } from '@hiring/contracts';
import { flattenValidationErrors, ProblemException, strictValidationPipe, validationProblem } from '@hiring/platform';
import { SourcingException } from '../shared/sourcing.exception';
import { profileFieldErrors } from './profile-errors';
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

// Profile keys the pipe alone would rewrite (it deletes `__proto__`, `prototype`,
// `constructor`; class-transformer's copy drops `toString`...): it accepted the body
// with the key gone, where the bulk route and Kafka refuse it. Now refused the same way.
const SEED_PROFILE = readFileSync(join(__dirname, '../../../../examples/seed/profiles/strong-ai-lead.json'), 'utf8');

/** A valid profile with one more own key (as JSON.parse makes `__proto__`: an own property, not the prototype). */
type SeedProfile = Record<string, unknown> & { productionSystems: object[]; architectureDecisions: object[] };

function profileWith(at: (p: SeedProfile) => object | undefined, key: string, value: unknown): Record<string, unknown> {
  const profile = JSON.parse(SEED_PROFILE) as SeedProfile;
  const target = at(profile);
  if (!target) throw new Error('the seed profile lacks the object to add the key to');
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return profile;
}

const reservedKeyProfiles: Array<[string, Record<string, unknown>, string]> = [
  ['toString in productionSystems[0]', profileWith((p) => p['productionSystems'][0], 'toString', 'x'), 'profile.productionSystems[0].toString'],
  ['__proto__ at the top', profileWith((p) => p, '__proto__', { a: 1 }), 'profile.__proto__'],
  ['constructor at the top', profileWith((p) => p, 'constructor', 1), 'profile.constructor'],
  ['prototype in architectureDecisions[0]', profileWith((p) => p['architectureDecisions'][0], 'prototype', true), 'profile.architectureDecisions[0].prototype'],
];

describe('sourcing / single POST body: a profile key named like a prototype member is refused, not dropped', () => {
  it('the seed profile alone passes the profile check (so the key is what is refused)', () => {
    expect(profileFieldErrors(JSON.parse(SEED_PROFILE))).toEqual([]);
  });

  it.each(reservedKeyProfiles)('%s: 400 INVALID_SUBMISSION at the key, as a bulk item gets', async (_name, profile, path) => {
    const raw = copy({ ...base, profile });
    const outcome = await strictValidationPipe()
      .transform(raw, BODY)
      .then(
        () => 'accepted',
        (error: unknown) => error,
      );
    expect(outcome).toBeInstanceOf(SourcingException);
    const refusal = outcome as SourcingException;
    expect(refusal.code).toBe('INVALID_SUBMISSION');
    expect(refusal.errors.map((e) => e.path)).toContain(path);
    // The same errors the intake gives a bulk item with this profile.
    expect(refusal.errors).toEqual(profileFieldErrors(copy(profile)));
  });
});
