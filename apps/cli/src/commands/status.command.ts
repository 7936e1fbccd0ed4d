// `hiring status`: the pipeline's stage table, conversion, time in stage,
// consumer lag and dead letters from the running monitor (GET /v1/pipeline);
// `--watch` redraws it until Ctrl-C.
import type { Command } from 'commander';
import { CliInputError, CliUnavailableError } from '../io/cli-error';
import { onInterrupt, pause } from '../io/interrupt';
import { runAction, runStreamingAction } from '../io/run-action';
import { fetchSnapshot, monitorUrl, type StatusFilter } from '../monitor/monitor-client';
import { renderStatus } from '../monitor/status-table';

interface StatusOptions {
  agency?: string;
  requisition?: string;
  watch?: boolean;
  interval: string;
  json?: boolean;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** Clear the screen and go home: a redraw, not a scroll. */
const CLEAR = '\u001b[2J\u001b[H';

function parseInterval(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.5 || seconds > 3600) throw new CliInputError(`--interval ${value} must be a number of seconds between 0.5 and 3600`);
  return Math.round(seconds * 1000);
}

function filterOf(options: StatusOptions): StatusFilter {
  return { ...(options.agency ? { agencyId: options.agency } : {}), ...(options.requisition ? { requisitionId: options.requisition } : {}) };
}

async function watch(options: StatusOptions): Promise<void> {
  const intervalMs = parseInterval(options.interval);
  const source = monitorUrl();
  const interrupt = onInterrupt();
  const tty = process.stdout.isTTY === true;
  try {
    while (!interrupt.stopped()) {
      let text: string;
      try {
        const snapshot = await fetchSnapshot(filterOf(options), REQUEST_TIMEOUT_MS);
        text = options.json ? JSON.stringify(snapshot) : renderStatus(snapshot, source);
      } catch (error) {
        // A bad token or filter will not fix itself; an unreachable monitor may come back.
        if (!(error instanceof CliUnavailableError)) throw error;
        text = `${new Date().toISOString()} ${error.message}; retrying every ${intervalMs / 1000}s`;
      }
      if (interrupt.stopped()) break;
      process.stdout.write(options.json ? `${text}\n` : `${tty ? CLEAR : '\n'}${text}\n${tty ? `\n(refreshing every ${intervalMs / 1000}s; Ctrl-C to stop)\n` : ''}`);
      if (await pause(intervalMs, interrupt)) break;
    }
  } finally {
    interrupt.dispose();
  }
}

export function registerStatusCommands(program: Command): void {
  program
    .command('status')
    .description('stage table, conversion, time in stage, consumer lag and dead letters from the running monitor (MONITOR_URL, default http://127.0.0.1:$MONITOR_PORT or 3005; OPS_TOKEN)')
    .option('--agency <agencyId>', 'only this agency')
    .option('--requisition <requisitionId>', 'only this requisition')
    .option('--watch', 'redraw until Ctrl-C')
    .option('--interval <seconds>', 'with --watch: seconds between refreshes', '2')
    .option('--json', 'print the snapshot as JSON (with --watch: one line per refresh)')
    .action(async (options: StatusOptions) => {
      if (!options.watch) {
        await runAction('status', options, async () => {
          const snapshot = await fetchSnapshot(filterOf(options), REQUEST_TIMEOUT_MS);
          return { json: snapshot, summary: renderStatus(snapshot, monitorUrl()) };
        });
        return;
      }
      await runStreamingAction('status', () => watch(options));
    });
}
