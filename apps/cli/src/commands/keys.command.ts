// `hiring keys status|rewrap`: master key rotation through the running
// sourcing service (docs/sourcing.md, "Master key rotation"). The re-wrap is
// one batch per request, each its own transaction, so it shows progress and
// can be stopped and run again at any time: it continues where it stopped.
import type { Command } from 'commander';
import { CliInputError } from '../io/cli-error';
import { opsRequest, SOURCING } from '../io/ops-request';
import { type CommandResult, type OutputOptions, runAction } from '../io/run-action';

/** Counts of stored values, as sourcing reports them (GET /v1/ops/master-keys). */
type WrappedCounts = Record<'dataKeys' | 'webhookSecrets' | 'signingSecrets', number>;
export type MasterKeyStatus = { currentKeyId: string; configuredKeyIds: string[]; remaining: WrappedCounts } & Record<
  'dataKeysByKeyId' | 'webhookSecretsByKeyId' | 'signingSecretsByKeyId',
  Record<string, number>
>;
export type RewrapBatch = MasterKeyStatus & { rewrapped: WrappedCounts };

export interface RewrapTotals {
  status: MasterKeyStatus;
  rewrapped: WrappedCounts;
  batches: number;
}

interface RewrapOptions extends OutputOptions {
  batchSize: string;
}

const MAX_BATCH = 5000;

const total = (c: WrappedCounts) => c.dataKeys + c.webhookSecrets + c.signingSecrets;
const countsText = (c: WrappedCounts) => `${c.dataKeys} data keys, ${c.webhookSecrets} webhook secrets, ${c.signingSecrets} agency signing secrets`;

export function statusSummary(status: MasterKeyStatus): string {
  const byKey = (counts: Record<string, number>) =>
    Object.entries(counts).map(([id, n]) => `${id}${id === status.currentKeyId ? ' (current)' : status.configuredKeyIds.includes(id) ? '' : ' (NOT CONFIGURED)'}: ${n}`).join(', ') || 'none';
  return [
    `current master key: ${status.currentKeyId} (configured: ${status.configuredKeyIds.join(', ')})`,
    `data keys by master key: ${byKey(status.dataKeysByKeyId)}`,
    `webhook secrets by master key: ${byKey(status.webhookSecretsByKeyId)}`,
    `agency signing secrets by master key: ${byKey(status.signingSecretsByKeyId)}`,
    total(status.remaining) === 0
      ? 'nothing is wrapped by an older key: older keys can be dropped from PERSONAL_DATA_MASTER_KEYS'
      : `still wrapped by an older key: ${countsText(status.remaining)} (run: hiring keys rewrap)`,
  ].join('\n');
}

/**
 * Calls `batch` until nothing is wrapped by an older key. A batch that moves
 * nothing while something remains (another writer keeps adding old-key rows,
 * which a correctly configured service never does) stops the loop with an error
 * rather than spinning.
 */
export async function rewrapAll(batch: () => Promise<RewrapBatch>, onProgress: (b: RewrapBatch, totals: WrappedCounts) => void): Promise<RewrapTotals> {
  const totals: WrappedCounts = { dataKeys: 0, webhookSecrets: 0, signingSecrets: 0 };
  for (let batches = 1; ; batches++) {
    const answer = await batch();
    totals.dataKeys += answer.rewrapped.dataKeys;
    totals.webhookSecrets += answer.rewrapped.webhookSecrets;
    totals.signingSecrets += answer.rewrapped.signingSecrets;
    onProgress(answer, totals);
    const left = total(answer.remaining);
    const { rewrapped: _moved, ...status } = answer;
    if (left === 0) return { status, rewrapped: totals, batches };
    if (total(answer.rewrapped) === 0) {
      throw new CliInputError(`a re-wrap batch moved nothing while ${left} values are still wrapped by an older key; check \`hiring keys status\``);
    }
  }
}

async function rewrap(options: RewrapOptions): Promise<CommandResult> {
  const limit = Number(options.batchSize);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BATCH) throw new CliInputError(`--batch-size must be a whole number from 1 to ${MAX_BATCH}, got ${options.batchSize}`);
  const result = await rewrapAll(
    () => opsRequest<RewrapBatch>(SOURCING, 'POST', '/v1/ops/master-keys/rewrap', { limit }, 120_000),
    (b, totals) => process.stderr.write(`re-wrapped ${countsText(totals)}; left ${total(b.remaining)}\n`),
  );
  return {
    json: result,
    summary: `re-wrapped ${countsText(result.rewrapped)} under ${result.status.currentKeyId} in ${result.batches} batch(es)\n${statusSummary(result.status)}`,
  };
}

async function status(): Promise<CommandResult> {
  const answer = await opsRequest<MasterKeyStatus>(SOURCING, 'GET', '/v1/ops/master-keys');
  return { json: answer, summary: statusSummary(answer) };
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('master key rotation of the personal-data key store (through the running sourcing service)');
  keys
    .command('status')
    .description('how many data keys, webhook secrets and agency signing secrets each master key wraps')
    .option('--json', 'print the answer as JSON')
    .action((options: OutputOptions) => runAction('keys status', options, status));
  keys
    .command('rewrap')
    .description('re-wrap every data key, webhook secret and agency signing secret under the current master key, in batches (safe to stop and run again)')
    .option('--batch-size <n>', `values per batch, one transaction each (1-${MAX_BATCH})`, '1000')
    .option('--json', 'print the totals as JSON')
    .action((options: RewrapOptions) => runAction('keys rewrap', options, () => rewrap(options)));
}
