// The relay's wake-up for rows its own process commits, without a NOTIFY.
//
// The outbox trigger's NOTIFY cost more than it looked: at commit Postgres
// queues the notification and signals every backend LISTENing in the database
// (PostgreSQL 15 signals by database, not by channel), so each commit that
// wrote outbox rows woke the LISTEN backends of every service's relay and
// sourcing's key cache, then the relay's own client. At batches of one that is
// four commits per candidate. A process whose relay runs knows when it commits
// outbox rows: the Outbox marks the transaction, and after its commit the
// relay is signalled in memory. The connections of those transactions carry
// a session setting (OUTBOX_WAKEUP_SETTING) that the trigger reads to skip
// its NOTIFY; any other writer (a tool, psql, a process without a relay) notifies
// as before, and every relay still polls (pollIntervalMs) for what another
// process' relay left behind.
import type { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/** The session setting the outbox trigger reads (outboxNotifyInProcessMigration). */
export const OUTBOX_WAKEUP_SETTING = 'hiring.outbox_wakeup';

/** Key in the query runner's `data` (TypeORM's place for a caller's per-runner state). */
const WROTE_OUTBOX = 'hiring.wroteOutbox';

interface Registration {
  relays: Set<() => void>;
  subscriber: EntitySubscriberInterface;
}

const registrations = new WeakMap<DataSource, Registration>();

function wake(registration: Registration | undefined): void {
  for (const signal of registration?.relays ?? []) signal();
}

/** Marks a pg connection whose session has the setting. */
const SKIPS_NOTIFY = Symbol('outbox NOTIFY skipped');
/** Key in the query runner's `data`: the setting was SET in this transaction (a rollback undoes it). */
const SET_IN_TRANSACTION = 'hiring.outboxWakeupSet';

type MarkedConnection = { [SKIPS_NOTIFY]?: true };

function connectionOf(runner: QueryRunner): MarkedConnection | undefined {
  // TypeORM's Postgres query runner keeps its pg client here once connected.
  return (runner as unknown as { databaseConnection?: MarkedConnection }).databaseConnection;
}

/**
 * Called by the Outbox before its insert: while a relay of this process is
 * woken in memory, the transaction's connection tells the trigger to skip the
 * NOTIFY. A session setting, so once per pooled connection (one round trip in
 * its first transaction that writes outbox rows); a write outside a
 * transaction is rare and keeps its NOTIFY.
 */
export async function beforeOutboxWrite(dataSource: DataSource, runner: QueryRunner | undefined): Promise<void> {
  if (!registrations.get(dataSource)?.relays.size || !runner?.isTransactionActive) return;
  const connection = connectionOf(runner);
  if (!connection || connection[SKIPS_NOTIFY]) return;
  await runner.query(`SET ${OUTBOX_WAKEUP_SETTING} = 'in-process'`);
  connection[SKIPS_NOTIFY] = true;
  runner.data[SET_IN_TRANSACTION] = true;
}

/**
 * Called by the Outbox after its insert. In a transaction: marks it, the
 * relays are signalled once it commits (a signal before the commit would claim
 * nothing, the row still invisible). Outside one the insert has committed:
 * signal now.
 */
export function outboxWritten(dataSource: DataSource, runner: QueryRunner | undefined): void {
  const registration = registrations.get(dataSource);
  if (!registration) return;
  if (runner?.isTransactionActive) runner.data[WROTE_OUTBOX] = true;
  else wake(registration);
}

/**
 * The relay's side: `signal` runs after every commit of this data source that
 * wrote outbox rows, and those transactions' connections tell the trigger to
 * skip the NOTIFY (beforeOutboxWrite). Returns the undo (at the relay's stop).
 */
export function wakeInProcess(dataSource: DataSource, signal: () => void): () => void {
  let registration = registrations.get(dataSource);
  if (!registration) {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit(event: TransactionCommitEvent) {
        const runner = event.queryRunner;
        // A savepoint's release is reported too: wait for the outermost commit.
        if (runner.isTransactionActive || !runner.data[WROTE_OUTBOX]) return;
        delete runner.data[WROTE_OUTBOX];
        delete runner.data[SET_IN_TRANSACTION];
        wake(registrations.get(event.connection));
      },
      afterTransactionRollback(event: TransactionRollbackEvent) {
        const runner = event.queryRunner;
        if (runner.isTransactionActive) return;
        delete runner.data[WROTE_OUTBOX];
        // A SET rolls back with its transaction: the connection notifies again until its next outbox write sets it.
        if (runner.data[SET_IN_TRANSACTION]) delete (connectionOf(runner) ?? {})[SKIPS_NOTIFY];
        delete runner.data[SET_IN_TRANSACTION];
      },
    };
    registration = { relays: new Set(), subscriber };
    registrations.set(dataSource, registration);
    (dataSource.subscribers as EntitySubscriberInterface[]).push(subscriber);
  }
  registration.relays.add(signal);
  return () => {
    const r = registrations.get(dataSource);
    r?.relays.delete(signal);
    // The connections keep the setting: rows committed after the last relay stopped wait for a relay's start or poll.
  };
}
