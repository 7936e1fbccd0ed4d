// One chunk, one Postgres transaction: the inbox claims of its events, the
// handlers' effects and their outbox rows commit together or not at all. The
// handlers' `prepare` (calls to other services) runs before it opens. A topic
// whose handlers all opted out of the inbox (idempotent, order-insensitive
// effects) gets no claims: every event goes to the handlers; one whose handlers
// also opted out of the transaction gets none either (they write durably themselves).
import type { DataSource } from 'typeorm';
import { escapeLiteral } from 'pg';
import { inTransactionOpenedWith, textArrayLiteral } from '@hiring/platform';
import { asTx } from '@hiring/platform/tx';
import type { MessagingTables } from '../sql';
import type { ConsumedEvent } from '../types';
import { inboxKey } from './chunk-decoder';
import type { HandlerTable } from './handler-table';

/**
 * The inbox claim, written for the simple protocol: it goes to Postgres in one
 * round trip with the transaction's `BEGIN` (inTransactionOpenedWith), so a
 * consumed chunk no longer pays a round trip for `START TRANSACTION` alone.
 * At batches of one that is one of five or six round trips per chunk. The
 * group and event ids are quoted literals (textArrayLiteral); the table name
 * is the checked schema's.
 */
export function inboxClaimSql(tables: MessagingTables, groupId: string, eventKeys: readonly string[]): string {
  return `INSERT INTO ${tables.inbox} (consumer_group, event_id) SELECT ${escapeLiteral(groupId)}, unnest(${textArrayLiteral(eventKeys)}) ON CONFLICT DO NOTHING RETURNING event_id`;
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
  if (!handlers.usesInbox(topic)) {
    await dataSource.transaction((tx) => handlers.dispatch(topic, events, asTx(tx), prepared));
    return events.length;
  }
  // Claiming the ids first makes a concurrent duplicate (e.g. the previous owner of a
  // partition still finishing) wait on our row lock, then skip: one effect per event.
  const opening = inboxClaimSql(tables, groupId, events.map((e) => inboxKey(e)));
  await inTransactionOpenedWith(dataSource, opening, async (tx, [claimed]) => {
    const claimedKeys = new Set((claimed.rows as Array<{ event_id: string }>).map((c) => c.event_id));
    const unseen = events.filter((e) => claimedKeys.has(inboxKey(e)));
    fresh = unseen.length;
    await handlers.dispatch(topic, unseen, tx, prepared);
  });
  return fresh;
}
