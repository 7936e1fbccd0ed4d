// `hiring rescreen`: replays a rubric version over every stored candidate
// through the running screening service (POST /v1/rescreen), and shows what
// changed. The work runs in the service, page by page; this waits for the report.
import type { RescreenReport } from '@hiring/contracts';
import type { Command } from 'commander';
import { CliInputError } from '../io/cli-error';
import { opsRequest, SCREENING } from '../io/ops-request';
import { type CommandResult, type OutputOptions, runAction } from '../io/run-action';

interface RescreenOptions extends OutputOptions {
  rubricVersion?: string;
  dryRun?: boolean;
  timeout: string;
}

const SHOWN_CHANGES = 20;

function summarise(report: RescreenReport): string {
  const head = `${report.dryRun ? 'dry run: ' : ''}rubric ${report.rubricVersion ?? 'in force today'} over ${report.total} candidate(s): ${report.changed.length} changed, ${report.skipped} skipped (no rubric of that version for their role)`;
  // A changed verdict on one rule is not a changed outcome; ops want both numbers.
  const decisions = report.changed.filter((c) => c.from !== c.to);
  const moves = new Map<string, number>();
  for (const c of decisions) moves.set(`${c.from ?? 'none'} -> ${c.to}`, (moves.get(`${c.from ?? 'none'} -> ${c.to}`) ?? 0) + 1);
  const decisionLine = `${decisions.length} of ${report.total} change decision${moves.size > 0 ? ` (${[...moves].map(([m, n]) => `${m}: ${n}`).join(', ')})` : ''}`;
  const written = report.dryRun ? 'nothing written' : `${report.stored} screening(s) stored, ${report.published} candidate-screened event(s) published`;
  const changes = report.changed.slice(0, SHOWN_CHANGES).map((c) => `  ${c.candidateId}  ${c.from} -> ${c.to}`);
  const more = report.changed.length > SHOWN_CHANGES ? [`  ... and ${report.changed.length - SHOWN_CHANGES} more (--json lists all)`] : [];
  const legacy =
    report.withoutRuleState > 0
      ? [`${report.withoutRuleState} candidate(s) stored without per-rule state (rubric 2026-03 rows from before shown / contradicted / not yet known)${report.dryRun ? '; a real run gives them states' : ''}`]
      : [];
  return [head, decisionLine, ...legacy, written, ...changes, ...more].join('\n');
}

async function rescreen(options: RescreenOptions): Promise<CommandResult> {
  const timeoutMs = Number(options.timeout) * 1000;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new CliInputError(`--timeout must be a whole number of seconds, got ${options.timeout}`);
  const body = { ...(options.rubricVersion ? { rubricVersion: options.rubricVersion } : {}), dryRun: options.dryRun === true };
  const report = await opsRequest<RescreenReport>(SCREENING, 'POST', '/v1/rescreen', body, timeoutMs);
  return { json: report, summary: summarise(report) };
}

export function registerRescreenCommands(program: Command): void {
  program
    .command('rescreen')
    .description('re-screen every stored candidate under a rubric version (through the running screening service) and show what changed')
    .option('--rubric-version <version>', 'the rubric version to apply (default: the one in force today)')
    .option('--dry-run', 'report what would change; write nothing and publish nothing')
    .option('--timeout <seconds>', 'how long to wait for the report', '600')
    .option('--json', 'print the report as JSON')
    .action((options: RescreenOptions) => runAction('rescreen', options, () => rescreen(options)));
}
