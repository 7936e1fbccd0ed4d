// One chunk, one Postgres transaction: the inbox claims of its events, the
// handlers' effects and their outbox rows commit together or not at all. The
// handlers' `prepare` (calls to other services) runs before it opens. A topic
// whose handlers all opted out of the inbox (idempotent, order-insensitive
// effects) gets no claims: every event goes to the handlers; one whose handlers
// also opted out of the transaction gets none either (they write durably themselves).
import type { DataSource } from 'typeorm';
import { preparedStatement, runPrepared, type PreparedStatement } from '@hiring/platform';
import { asTx } from '@hiring/platform/tx';
import type { MessagingTables } from '../sql';
import type { ConsumedEvent } from '../types';
import { inboxKey } from './chunk-decoder';
import type { HandlerTable } from './handler-table';

const claims = new Map<string, PreparedStatement>();

/** The inbox claim of a service's schema, one prepared statement per schema (runPrepared: parsed once per connection). */
function inboxClaim(tables: MessagingTables): PreparedStatement {
  let statement = claims.get(tables.inbox);
  if (!statement) {
    statement = preparedStatement(`INSERT INTO ${tables.inbox} (consumer_group, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`);
    claims.set(tables.inbox, statement);
  }
  return statement;
}

/** Runs the handlers on the events not seen before by this group (all of them without an inbox); returns how many those were. */
export async function applyInInboxTransaction(
  dataSource: DataSource,
  tables: MessagingTables,
  groupId: string,
  handlers: HandlerTable,
  topic: string,
  events: readonly ConsumedEvent[],
): Promise<number> {
  let fresh = 0;
  const prepared = await handlers.prepare(topic, events);
  if (!handlers.usesTransaction(topic)) {
    // The handlers make their effects durable themselves (ConsumeEventsOptions.transaction).
    await handlers.dispatch(topic, events, asTx(dataSource.manager), prepared);
    return events.length;
  }
  await dataSource.transaction(async (tx) => {
    if (!handlers.usesInbox(topic)) {
      fresh = events.length;
      await handlers.dispatch(topic, events, asTx(tx), prepared);
      return;
    }
    // Claiming the ids first makes a concurrent duplicate (e.g. the previous owner of a
    // partition still finishing) wait on our row lock, then skip: one effect per event.
    const claimed = await runPrepared<{ event_id: string }>(asTx(tx), inboxClaim(tables), [groupId, events.map((e) => inboxKey(e))]);
    const claimedKeys = new Set(claimed.map((c) => c.event_id));
    const unseen = events.filter((e) => claimedKeys.has(inboxKey(e)));
    fresh = unseen.length;
    await handlers.dispatch(topic, unseen, asTx(tx), prepared);
  });
  return fresh;
}
