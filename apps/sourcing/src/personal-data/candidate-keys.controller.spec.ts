import 'reflect-metadata';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, ProblemException, strictValidationPipe, validationProblem } from '@hiring/platform';
import { CandidateKeyLookupDto, MAX_KEY_LOOKUP, plainKeyLookup } from './candidate-keys.controller';

const BODY: ArgumentMetadata = { type: 'body', metatype: CandidateKeyLookupDto };
const ID = '6f1c2a8e-3b7d-4c55-9a0e-2d4b8f6a1c3e';
/** The pipe as it was: class-transformer and class-validator on every body. */
const reference = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)) });

async function outcomeOf(work: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: JSON.stringify(await work) };
  } catch (error) {
    return error instanceof ProblemException ? { problem: error.getResponse() } : { thrown: String(error) };
  }
}

describe('sourcing / key lookup body: the plain check answers what the validation pipe answered', () => {
  const bodies: Array<Record<string, unknown>> = [
    { candidateIds: [ID] },
    { candidateIds: [ID, ID.replace('6f', '7a')] },
    { candidateIds: Array.from({ length: MAX_KEY_LOOKUP }, () => ID) },
    { candidateIds: Array.from({ length: MAX_KEY_LOOKUP + 1 }, () => ID) },
    { candidateIds: [] },
    { candidateIds: ['not-a-uuid'] },
    { candidateIds: [ID, 7] },
    { candidateIds: ID },
    { candidateIds: [ID], extra: true },
    {},
  ];

  it.each(bodies.map((b, i) => [i, b] as const))('body %i: same value or same problem', async (_i, body) => {
    const expected = await outcomeOf(reference.transform(JSON.parse(JSON.stringify(body)), BODY));
    expect(await outcomeOf(strictValidationPipe().transform(JSON.parse(JSON.stringify(body)), BODY))).toEqual(expected);
  });

  it('takes the usual body itself and declines what it is not sure of', () => {
    expect(plainKeyLookup({ candidateIds: [ID] })).toEqual({ candidateIds: [ID] });
    for (const body of bodies.slice(3)) expect(plainKeyLookup(body)).toBeUndefined();
  });
});
