// CPU per candidate of screening's in-process work, without Kafka or Postgres:
// open the sealed profile, check it, screen it with the rubric in force, seal
// the screening's detail and map the event. A steady number on a busy machine
// (it measures this process's CPU time, not wall time).
//   node -r @swc-node/register tools/bench/screening-cpu.ts [--n 20000] [--cpu-prof]
// Profile it with `node --cpu-prof -r @swc-node/register tools/bench/screening-cpu.ts`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CALIBRATION_SET, screenWithFeedback, selectRubric, SCREENING_RUBRICS, type CandidateProfile } from '@hiring/domain';
import { newDataKey } from '@hiring/platform';
import { openProfile, sealProfile, sealScreening } from '../../apps/screening/src/personal-data/sealed-screening';
import { toCandidateProfile, toCandidateScreenedEvent, toScreening } from '../../apps/screening/src/screenings/screening.mapper';

const argv = process.argv.slice(2);
const n = argv.includes('--n') ? Number(argv[argv.indexOf('--n') + 1]) : 20_000;
const day = SCREENING_RUBRICS.map((r) => r.effectiveFrom).sort().at(-1) as string;

// The bench's profile (examples/candidate-strong-ai-lead.json) and the calibration set's, in turn.
const example = JSON.parse(readFileSync(resolve(__dirname, '../../examples/candidate-strong-ai-lead.json'), 'utf8')) as CandidateProfile;
const profiles: CandidateProfile[] = [example, ...CALIBRATION_SET.map((c) => c.profile)];
const key = newDataKey();
const sealed = profiles.map((p, i) => sealProfile(key, `c-${i}`, p));

type Step = 'open+check' | 'rubric' | 'seal' | 'event';
const spent: Record<Step, bigint> = { 'open+check': 0n, rubric: 0n, seal: 0n, event: 0n };
const time = <T>(step: Step, work: () => T): T => {
  const start = process.hrtime.bigint();
  const out = work();
  spent[step] += process.hrtime.bigint() - start;
  return out;
};

function once(i: number): void {
  const k = i % profiles.length;
  const candidateId = `c-${k}`;
  const profile = time('open+check', () => toCandidateProfile(openProfile(key, candidateId, sealed[k])));
  const result = time('rubric', () => screenWithFeedback(profile, selectRubric(SCREENING_RUBRICS, profile.targetRole, day), []));
  const input = { candidateId, submissionId: 's', agencyId: 'a', requisitionId: 'r', role: profile.targetRole, locationTier: profile.locationTier, profile, sourcedAt: new Date() };
  const screening = toScreening(input, result, new Date());
  time('seal', () => sealScreening(key, screening));
  time('event', () => JSON.stringify(toCandidateScreenedEvent(screening)));
}

for (let i = 0; i < Math.min(n, 2000); i += 1) once(i); // warm-up: JIT and the rubric's caches
for (const step of Object.keys(spent) as Step[]) spent[step] = 0n;
const cpu0 = process.cpuUsage();
for (let i = 0; i < n; i += 1) once(i);
const cpu = process.cpuUsage(cpu0);
const perCandidate = (ns: bigint) => (Number(ns) / 1e6 / n).toFixed(4);
console.log(`screening in-process CPU, ${n} candidates (${profiles.length} profiles in turn)`);
console.log(`| step | ms per candidate (wall, single thread) |\n|---|---:|`);
for (const step of Object.keys(spent) as Step[]) console.log(`| ${step} | ${perCandidate(spent[step])} |`);
console.log(`| process CPU (user+system) | ${((cpu.user + cpu.system) / 1000 / n).toFixed(4)} |`);
