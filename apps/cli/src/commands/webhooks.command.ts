// `hiring webhooks deliveries|redeliver`: the webhook delivery log and
// redelivery, for ops, through the running sourcing service (docs/webhooks.md).
import type { Command } from 'commander';
import { CliInputError } from '../io/cli-error';
import { opsRequest, SOURCING } from '../io/ops-request';
import { type CommandResult, type OutputOptions, runAction } from '../io/run-action';

interface DeliveriesOptions extends OutputOptions {
  agency?: string;
  endpoint?: string;
  event?: string;
  limit: string;
  cursor?: string;
}

interface RedeliverOptions extends OutputOptions {
  event?: string;
  from?: string;
  to?: string;
  agency?: string;
  endpoint?: string;
}

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  agencyId: string;
  endpointId: string;
  attempt: number;
  attemptedAt: string;
  statusCode: number | null;
  latencyMs: number;
  outcome: string;
  error: string | null;
  deliveryStatus: string;
}

interface DeliveriesPage {
  items: DeliveryAttempt[];
  nextCursor: string | null;
}

export function deliveriesTable(page: DeliveriesPage): string {
  if (page.items.length === 0) return 'no delivery attempts';
  const lines = page.items.map(
    (a) =>
      `${a.attemptedAt}  ${a.outcome.padEnd(9)} ${String(a.statusCode ?? '-').padStart(3)} ${`${a.latencyMs}ms`.padStart(7)}  ${a.eventType.padEnd(26)} event ${a.eventId} #${a.attempt} (${a.deliveryStatus})  agency ${a.agencyId}${a.error ? `  ${a.error}` : ''}`,
  );
  return [...lines, ...(page.nextCursor ? [`more: --cursor ${page.nextCursor}`] : [])].join('\n');
}

async function deliveries(options: DeliveriesOptions): Promise<CommandResult> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliInputError(`--limit must be a whole number from 1 to 200, got ${options.limit}`);
  const query = new URLSearchParams({ limit: String(limit) });
  if (options.agency) query.set('agencyId', options.agency);
  if (options.endpoint) query.set('endpointId', options.endpoint);
  if (options.event) query.set('eventId', options.event);
  if (options.cursor) query.set('cursor', options.cursor);
  const page = await opsRequest<DeliveriesPage>(SOURCING, 'GET', `/v1/ops/webhooks/deliveries?${query.toString()}`);
  return { json: page, summary: deliveriesTable(page) };
}

async function redeliver(options: RedeliverOptions): Promise<CommandResult> {
  if (!options.event && !options.from && !options.to) throw new CliInputError('say what to redeliver: --event <id>, or a time range with --from and/or --to');
  for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value !== undefined && Number.isNaN(Date.parse(value))) throw new CliInputError(`${flag} must be an ISO 8601 time, got ${value}`);
  }
  const body = {
    ...(options.event ? { eventId: options.event } : {}),
    ...(options.from ? { from: new Date(options.from).toISOString() } : {}),
    ...(options.to ? { to: new Date(options.to).toISOString() } : {}),
    ...(options.agency ? { agencyId: options.agency } : {}),
    ...(options.endpoint ? { endpointId: options.endpoint } : {}),
  };
  const answer = await opsRequest<{ queued: number }>(SOURCING, 'POST', '/v1/ops/webhooks/redeliver', body);
  return { json: answer, summary: `${answer.queued} deliver${answer.queued === 1 ? 'y' : 'ies'} queued again (same event ids, original order)` };
}

export function registerWebhookCommands(program: Command): void {
  const webhooks = program.command('webhooks').description('agency webhooks: the delivery log and redelivery (through the running sourcing service)');
  webhooks
    .command('deliveries')
    .description('delivery attempts, newest first (kept 30 days)')
    .option('--agency <id>', 'only this agency')
    .option('--endpoint <id>', 'only this endpoint')
    .option('--event <id>', 'only this event (its Hiring-Event-Id)')
    .option('--limit <n>', 'attempts per page (1-200)', '50')
    .option('--cursor <cursor>', 'the next page, from the previous output')
    .option('--json', 'print the page as JSON')
    .action((options: DeliveriesOptions) => runAction('webhooks deliveries', options, () => deliveries(options)));
  webhooks
    .command('redeliver')
    .description('send finished deliveries again: one event, or the events created in a time range')
    .option('--event <id>', 'the event id')
    .option('--from <time>', 'events created at or after (ISO 8601)')
    .option('--to <time>', 'events created before (ISO 8601)')
    .option('--agency <id>', 'only this agency')
    .option('--endpoint <id>', 'only this endpoint')
    .option('--json', 'print the answer as JSON')
    .action((options: RedeliverOptions) => runAction('webhooks redeliver', options, () => redeliver(options)));
}
