// One transaction for a chunk, or for a group of chunks (several partitions,
// possibly several topics of one consumer: group-commit.ts): the inbox claims
// of their events, the handlers' effects and their outbox rows commit together
// or not at all. The handlers' `prepare` (calls to other services) runs before
// it opens. A topic whose handlers all opted out of the inbox (idempotent,
// order-insensitive effects) gets no claims: every event goes to the handlers;
// one whose handlers also opted out of the transaction gets none either (they
// write durably themselves, and are never grouped).
import type { DataSource } from 'typeorm';
import { escapeLiteral } from 'pg';
import { inTransactionOpenedWith, textArrayLiteral } from '@hiring/platform';
import { asTx, type Tx } from '@hiring/platform/tx';
import type { MessagingTables } from '../sql';
import type { ConsumedEvent } from '../types';
import { inboxKey } from './chunk-decoder';
import type { HandlerTable, PreparedChunk } from './handler-table';

/** The events of one topic handed to its handlers in one call, in the order given (per partition, offset order). */
export interface TopicShare {
  topic: string;
  events: readonly ConsumedEvent[];
}

/** Per topic: events applied now, and events skipped as already applied (inbox, or a second copy in the group). */
export type AppliedCounts = Map<string, { fresh: number; duplicates: number }>;

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
  if (!handlers.usesTransaction(topic)) {
    // The handlers make their effects durable themselves (ConsumeEventsOptions.transaction).
    const prepared = await handlers.prepare(topic, events);
    await handlers.dispatch(topic, events, asTx(dataSource.manager), prepared);
    return events.length;
  }
  const counts = await applyInOneTransaction(dataSource, tables, groupId, handlers, [{ topic, events }]);
  return counts.get(topic)?.fresh ?? 0;
}

/**
 * One transaction for every share (each topic's handlers called once, in the
 * order of `shares`); every topic must use a transaction. An event whose inbox
 * key came earlier in the group (the same event on two partitions) is skipped
 * like one the inbox already holds.
 */
export async function applyInOneTransaction(
  dataSource: DataSource,
  tables: MessagingTables,
  groupId: string,
  handlers: HandlerTable,
  shares: readonly TopicShare[],
): Promise<AppliedCounts> {
  const prepared = new Map<string, PreparedChunk>();
  for (const s of shares) prepared.set(s.topic, await handlers.prepare(s.topic, s.events));
  const counts: AppliedCounts = new Map(shares.map((s) => [s.topic, { fresh: 0, duplicates: 0 }]));
  const dispatchAll = async (tx: Tx, claimed: ReadonlySet<string> | undefined): Promise<void> => {
    const taken = new Set<string>();
    for (const s of shares) {
      const count = counts.get(s.topic) as { fresh: number; duplicates: number };
      let events = s.events;
      if (claimed && handlers.usesInbox(s.topic)) {
        events = s.events.filter((e) => {
          const key = inboxKey(e);
          if (!claimed.has(key) || taken.has(key)) return false;
          taken.add(key);
          return true;
        });
      }
      count.fresh = events.length;
      count.duplicates = s.events.length - events.length;
      await handlers.dispatch(s.topic, events, tx, prepared.get(s.topic));
    }
  };
  // Sorted: two instances briefly holding the same partitions (a rebalance) claim in one order, so they wait, never deadlock.
  const keys = [...new Set(shares.filter((s) => handlers.usesInbox(s.topic)).flatMap((s) => s.events.map((e) => inboxKey(e))))].sort();
  if (keys.length === 0) {
    await dataSource.transaction((tx) => dispatchAll(asTx(tx), undefined));
    return counts;
  }
  // Claiming the ids first makes a concurrent duplicate (e.g. the previous owner of a
  // partition still finishing) wait on our row lock, then skip: one effect per event.
  await inTransactionOpenedWith(dataSource, inboxClaimSql(tables, groupId, keys), async (tx, [claimed]) => {
    await dispatchAll(tx, new Set((claimed.rows as Array<{ event_id: string }>).map((c) => c.event_id)));
  });
  return counts;
}
