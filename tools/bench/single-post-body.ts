// CPU per body of the validation pipe on a single POST /v1/submissions (the
// bench's body: a ~3 KB profile from examples/) and on screening's key lookup,
// two ways in the same run, alternated: (a) the pipe as it was, the input
// checks then class-transformer + class-validator on every body; (b) the
// pipe now, the DTO's plain check first (@CheckedPlainlyBy). Each body is a
// fresh JSON.parse, made before the clock starts, as a request's would be.
//   node -r @swc-node/register tools/bench/single-post-body.ts [--bodies 2000] [--rounds 6]
// Needs nothing running.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, inspectInput, strictValidationPipe, validationProblem } from '@hiring/platform';
import { CandidateKeyLookupDto } from '../../apps/sourcing/src/personal-data/candidate-keys.controller';
import { SubmitCandidateDto } from '../../apps/sourcing/src/submissions/submission.dto';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const bodies = flag('bodies', 2000);
const rounds = flag('rounds', 6);

const profile = readFileSync(resolve(__dirname, '../../examples/candidate-strong-ai-lead.json'), 'utf8');
const requisitionId = randomUUID();
const submissionText = (i: number) =>
  `{"externalId":"bench-${i}","requisitionId":"${requisitionId}","candidate":{"name":"Bench Candidate ${i}","email":"bench.${i}@example.com"},"profile":${profile}}`;
const lookupText = () => JSON.stringify({ candidateIds: [randomUUID()] });

/** The pipe before @CheckedPlainlyBy: the same input checks, then class-transformer and class-validator. */
class PipeAsItWas extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)) });
  }
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const inspection = inspectInput(value);
    if (inspection.tooDeep || inspection.errors.length > 0) throw new Error('the bench body failed the input checks');
    return super.transform(value, metadata);
  }
}

const WAYS = { '(a) as it was': new PipeAsItWas(), '(b) plain check first': strictValidationPipe() };
const CASES = [
  { name: 'single POST body', metatype: SubmitCandidateDto, text: submissionText },
  { name: 'key lookup body', metatype: CandidateKeyLookupDto, text: lookupText },
];

async function microsPerBody(pipe: ValidationPipe, metatype: ArgumentMetadata['metatype'], text: (i: number) => string): Promise<number> {
  const parsed = Array.from({ length: bodies }, (_, i) => JSON.parse(text(i)) as unknown);
  const metadata: ArgumentMetadata = { type: 'body', metatype };
  const before = process.cpuUsage();
  for (const body of parsed) await pipe.transform(body, metadata);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / bodies;
}

async function main(): Promise<void> {
  const samples = new Map<string, number[]>();
  for (let round = 0; round <= rounds; round++) {
    for (const c of CASES) {
      for (const [way, pipe] of Object.entries(WAYS)) {
        const us = await microsPerBody(pipe, c.metatype, c.text);
        // Round 0 warms both ways up and is not counted.
        if (round > 0) samples.set(`${c.name} | ${way}`, [...(samples.get(`${c.name} | ${way}`) ?? []), us]);
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(`| body (${bodies} per round, ${rounds} rounds) | pipe | CPU µs per body, median | min | max |`);
  console.log('|---|---|---:|---:|---:|');
  for (const [key, xs] of samples) console.log(`| ${key.replace(' | ', ' | ')} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
