// `hiring outbox parked|replay`: the events a service's outbox relay parked
// because Kafka refused them as too large (docs/messaging.md, "An event Kafka
// refuses as too large"). Through each service's ops routes
// (/v1/ops/outbox/parked, libs/messaging), like the other ops commands: the
// tool holds the ops token, never a database URL, and never prints a parked
// value (it may hold personal data).
import type { Command } from 'commander';
import { CliInputError, CliUnavailableError } from '../io/cli-error';
import { ALL_SERVICES, opsRequest, type OpsService } from '../io/ops-request';
import { type CommandResult, type OutputOptions, runAction } from '../io/run-action';

const DEFAULT_LIMIT = 50;
/** The service's own bound on one page (MAX_PARKED_PAGE in libs/messaging). */
const MAX_LIMIT = 1000;
const REPLAY_CHUNK = 500;
const PARKED_ROUTE = '/v1/ops/outbox/parked';

export interface ParkedEvent {
  id: string;
  topic: string;
  key: string | null;
  bytes: number;
  reason: string;
  parkedAt: string;
}

export interface ParkedList {
  schema: string;
  total: number;
  newestId: string | null;
  rows: ParkedEvent[];
}

export interface ParkedReplay {
  schema: string;
  replayed: ParkedEvent[];
  remaining: number;
}

export type ServiceCount = { service: string; schema: string; parked: number } | { service: string; unavailable: string };

interface ListOptions extends OutputOptions {
  limit?: string;
}

interface ReplayOptions extends OutputOptions {
  all?: boolean;
}

export const TOO_LARGE_AGAIN =
  "A replayed event Kafka still refuses as too large is parked again under a new id: raise the topic's max.message.bytes first (docs/messaging.md).";

export function parseService(name: string): OpsService {
  const service = ALL_SERVICES.find((s) => s.name === name.trim().toLowerCase());
  if (!service) throw new CliInputError(`unknown service ${JSON.stringify(name)}: one of ${ALL_SERVICES.map((s) => s.name).join(', ')}`);
  return service;
}

export function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  const n = /^[0-9]{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) throw new CliInputError(`--limit ${text} must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

/** One id, or --all: exactly one of the two. */
export function parseReplayTarget(id: string | undefined, all: boolean | undefined): { id: string } | 'all' {
  if (all && id !== undefined) throw new CliInputError('give a parked event id or --all, not both');
  if (all) return 'all';
  if (id === undefined) throw new CliInputError('give the id of a parked event (hiring outbox parked <service> lists them) or --all');
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new CliInputError(`${JSON.stringify(id)} is not a parked event id (a positive whole number, from hiring outbox parked)`);
  return { id };
}

function eventLine(e: ParkedEvent): string {
  return `  ${e.id}  ${e.parkedAt}  ${e.topic}  key ${e.key ?? '(null)'}  ${e.bytes} bytes  ${e.reason}`;
}

export function overviewSummary(counts: readonly ServiceCount[]): string {
  const width = Math.max(...counts.map((c) => c.service.length), 'service'.length);
  const lines = [`${'service'.padEnd(width)}  parked`];
  for (const c of counts) lines.push(`${c.service.padEnd(width)}  ${'parked' in c ? String(c.parked).padStart(6) : `not answering (${c.unavailable})`}`);
  const total = counts.reduce((sum, c) => sum + ('parked' in c ? c.parked : 0), 0);
  lines.push(`total ${total} parked event(s)${total > 0 ? '; details: hiring outbox parked <service>' : ''}`);
  return lines.join('\n');
}

export function listSummary(service: string, list: ParkedList): string {
  const shown = list.rows.length < list.total ? `, showing the oldest ${list.rows.length} (--limit)` : '';
  const lines = [`${list.schema}.outbox_parked (${service}): ${list.total} parked event(s)${shown}`];
  if (list.rows.length > 0) {
    lines.push('  id  parked at  topic  key  size  reason', ...list.rows.map(eventLine));
    lines.push(`replay: hiring outbox replay ${service} <id>, or --all. ${TOO_LARGE_AGAIN}`);
  }
  return lines.join('\n');
}

export function replaySummary(service: string, result: ParkedReplay): string {
  if (result.replayed.length === 0 && result.remaining === 0) return `nothing to replay: ${result.schema}.outbox_parked (${service}) is empty`;
  const lines = [
    `replayed ${result.replayed.length} parked event(s) of ${result.schema}.outbox_parked into ${result.schema}.outbox: the ${service} relay publishes them behind what is queued now`,
    ...result.replayed.map(eventLine),
  ];
  if (result.remaining > 0) lines.push(`${result.remaining} older parked event(s) were not replayed (taken by another replay at the same time?): run it again`);
  lines.push(TOO_LARGE_AGAIN, `check: hiring outbox parked ${service}`);
  return lines.join('\n');
}

function listParked(service: OpsService, limit: number): Promise<ParkedList> {
  return opsRequest<ParkedList>(service, 'GET', `${PARKED_ROUTE}?limit=${limit}`);
}

async function overview(): Promise<CommandResult> {
  const counts: ServiceCount[] = await Promise.all(
    ALL_SERVICES.map(async (service): Promise<ServiceCount> => {
      try {
        const list = await listParked(service, 0);
        return { service: service.name, schema: list.schema, parked: list.total };
      } catch (error) {
        if (error instanceof CliUnavailableError) return { service: service.name, unavailable: error.message };
        throw error;
      }
    }),
  );
  if (counts.every((c) => 'unavailable' in c)) throw new CliUnavailableError(`no service answered:\n${counts.map((c) => `  ${'unavailable' in c ? c.unavailable : ''}`).join('\n')}`);
  return { json: counts, summary: overviewSummary(counts) };
}

/** Every row parked when the command starts, in chunks (progress on stderr); rows parked again meanwhile have newer ids and stay. */
async function replayAll(service: OpsService): Promise<ParkedReplay> {
  const start = await listParked(service, 0);
  const result: ParkedReplay = { schema: start.schema, replayed: [], remaining: 0 };
  if (start.newestId === null) return result;
  for (;;) {
    const chunk = await opsRequest<ParkedReplay>(service, 'POST', `${PARKED_ROUTE}/replay?through=${start.newestId}&limit=${REPLAY_CHUNK}`);
    result.replayed.push(...chunk.replayed);
    result.remaining = chunk.remaining;
    process.stderr.write(`replayed ${result.replayed.length}/${start.total} parked event(s) of ${start.schema}\n`);
    if (chunk.remaining === 0 || chunk.replayed.length === 0) return result;
  }
}

export function registerOutboxCommands(program: Command): void {
  const outbox = program
    .command('outbox')
    .description("events a service's outbox relay parked because Kafka refused them as too large: list and replay (through the services' ops routes, OPS_TOKEN)");
  outbox
    .command('parked')
    .description('without a service: how many events each service has parked; with one: its parked events, oldest first (never their values)')
    .argument('[service]', ALL_SERVICES.map((s) => s.name).join(' | '))
    .option('--limit <n>', `at most this many events (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})`)
    .option('--json', 'print JSON')
    .action((name: string | undefined, options: ListOptions) =>
      runAction('outbox parked', options, async () => {
        const limit = parseLimit(options.limit);
        if (name === undefined) return overview();
        const service = parseService(name);
        const list = await listParked(service, limit);
        return { json: list, summary: listSummary(service.name, list) };
      }),
    );
  outbox
    .command('replay')
    .description("put parked events back into the service's outbox so its relay tries again (after raising the topic's max.message.bytes)")
    .argument('<service>', ALL_SERVICES.map((s) => s.name).join(' | '))
    .argument('[id]', 'the parked event to replay (hiring outbox parked <service>)')
    .option('--all', 'every event parked when the command starts')
    .option('--json', 'print JSON')
    .action((name: string, id: string | undefined, options: ReplayOptions) =>
      runAction('outbox replay', options, async () => {
        const service = parseService(name);
        const target = parseReplayTarget(id, options.all);
        const result = target === 'all' ? await replayAll(service) : await opsRequest<ParkedReplay>(service, 'POST', `${PARKED_ROUTE}/${target.id}/replay`);
        return { json: result, summary: replaySummary(service.name, result) };
      }),
    );
}
