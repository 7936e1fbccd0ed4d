import type { Command } from 'commander';
import {
  calibrate,
  CALIBRATION_SET,
  formatConfusion,
  type CandidateProfile,
  isIsoDay,
  ROLE_LABEL,
  SCREENING_RUBRICS,
  scoreScreening,
  screenCandidate,
  selectRubric,
  validateCandidateProfile,
  type Score,
  type ScreeningResult,
} from '@hiring/domain';
import { CliInputError } from '../io/cli-error';
import { readJsonInput } from '../io/read-json-input';
import { type OutputOptions, runAction } from '../io/run-action';

interface ScreeningOptions extends OutputOptions {
  on?: string;
}

/** The CLI is an adapter: it may read the clock; the domain gets the day as a parameter. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function screen(file: string | undefined, options: ScreeningOptions) {
  const on = options.on ?? today();
  if (!isIsoDay(on)) throw new CliInputError(`--on: "${on}" is not a calendar day (YYYY-MM-DD)`);
  const profile: CandidateProfile = await readJsonInput(file, validateCandidateProfile, 'candidate profile');
  const rubric = selectRubric(SCREENING_RUBRICS, profile.targetRole, on);
  return { rubric, screening: screenCandidate(profile, rubric) };
}

function summarizeScreening(s: ScreeningResult): string {
  return [
    `${s.decision.toUpperCase()}: ${ROLE_LABEL[s.role]} screening, rubric ${s.rubricId}@${s.rubricVersion}`,
    `  technical ${s.summary.technicalMet}/${s.summary.technicalTotal}, leadership ${s.summary.leadershipMet}/${s.summary.leadershipTotal}, red flags: ${s.summary.redFlagsRaised.join(', ') || 'none'}`,
    ...s.reasons.map((r) => `  - ${r}`),
    ...s.rules.map((r) => {
      const mark = r.group === 'red-flag' ? (r.met ? '!' : ' ') : r.met ? 'x' : r.state === 'contradicted' ? '-' : '?';
      const state = r.group === 'red-flag' ? (r.met ? 'raised' : r.state) : `${r.state}${r.thin ? ', thin' : ''}`;
      return `  [${mark}] ${r.ruleId} (${state})\n${r.evidence.map((e) => `        ${e}`).join('\n')}`;
    }),
    ...(s.interviewKit.probes.length > 0
      ? ['  interview kit (one interview, depth and leadership alternating):', ...s.interviewKit.probes.map((p, i) => `    ${i + 1}. [${p.ruleId}, ${p.reason}] ${p.ask}`)]
      : []),
  ].join('\n');
}

function summarizeScore(score: Score, screening: ScreeningResult): string {
  const line = (l: { ruleId: string; met: boolean; points: number; weight: number }, sign: string) =>
    `    ${l.met ? sign : ' '}${String(l.points).padStart(3)} / ${l.weight}  ${l.ruleId}`;
  const b = score.breakdown;
  return [
    `SCORE ${score.score}/100 (raw ${score.raw}), screening ${screening.decision}, rubric ${score.rubricId}@${score.rubricVersion}`,
    `  technical ${b.technical.points}/${b.technical.max}`,
    ...b.technical.lines.map((l) => line(l, '+')),
    `  leadership ${b.leadership.points}/${b.leadership.max}`,
    ...b.leadership.lines.map((l) => line(l, '+')),
    `  red-flag penalties -${b.redFlags.penalty}`,
    ...b.redFlags.lines.map((l) => line(l, '-')),
  ].join('\n');
}

export function registerScreeningCommands(program: Command): void {
  program
    .command('screen')
    .description('screen a candidate profile against the rubric of its target role (hiring-rules.md section 3)')
    .argument('[file]', 'candidate profile JSON file; stdin when absent or "-"')
    .option('--on <YYYY-MM-DD>', 'pick the rubric version in force on this day (default: today)')
    .option('--json', 'print the screening as JSON')
    .action((file: string | undefined, options: ScreeningOptions) =>
      runAction('screen', options, async () => {
        const { screening } = await screen(file, options);
        return { json: screening, summary: summarizeScreening(screening) };
      }),
    );
  program
    .command('calibrate')
    .description('screen the labelled calibration set with the rubric in force and print the confusion table (expected vs actual decision)')
    .option('--on <YYYY-MM-DD>', 'pick the rubric versions in force on this day (default: today)')
    .option('--json', 'print the calibration report as JSON')
    .action((options: ScreeningOptions) =>
      runAction('calibrate', options, () => {
        const on = options.on ?? today();
        if (!isIsoDay(on)) throw new CliInputError(`--on: "${on}" is not a calendar day (YYYY-MM-DD)`);
        const report = calibrate(CALIBRATION_SET, (role) => selectRubric(SCREENING_RUBRICS, role, on));
        return Promise.resolve({ json: report, summary: formatConfusion(report) });
      }),
    );
  program
    .command('score')
    .description('screen a candidate profile and score it 0-100 with a breakdown')
    .argument('[file]', 'candidate profile JSON file; stdin when absent or "-"')
    .option('--on <YYYY-MM-DD>', 'pick the rubric version in force on this day (default: today)')
    .option('--json', 'print the score as JSON')
    .action((file: string | undefined, options: ScreeningOptions) =>
      runAction('score', options, async () => {
        const { rubric, screening } = await screen(file, options);
        const score = scoreScreening(screening, rubric);
        return { json: { ...score, decision: screening.decision }, summary: summarizeScore(score, screening) };
      }),
    );
}
