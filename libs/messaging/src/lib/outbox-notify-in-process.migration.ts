import type { MigrationInterface } from 'typeorm';
import { OUTBOX_WAKEUP_SETTING } from './outbox/in-process-wakeup';
import { statementMigration } from '@hiring/platform';
import { messagingTables, pascal } from './sql';

/** Epoch milliseconds when this migration was written; TypeORM orders migrations by the name's last 13 digits. */
export const OUTBOX_NOTIFY_IN_PROCESS_TIMESTAMP = 1796398522000;

/**
 * The outbox trigger skips its NOTIFY when the inserting session says its own
 * process wakes the relay (outbox/in-process-wakeup.ts): a NOTIFY wakes every
 * LISTEN backend of the database, at batches of one four times per candidate.
 * Sessions without the setting (tools, psql, processes without a relay)
 * notify as before.
 */
export function outboxNotifyInProcessMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  const fn = (body: string): string => `CREATE OR REPLACE FUNCTION ${t.schema}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       ${body}
       PERFORM pg_notify('${t.notifyChannel}', '');
       RETURN NULL;
     END $$`;
  return statementMigration(
    `OutboxNotifyInProcess${pascal(schema)}${OUTBOX_NOTIFY_IN_PROCESS_TIMESTAMP}`,
    [fn(`IF current_setting('${OUTBOX_WAKEUP_SETTING}', true) = 'in-process' THEN RETURN NULL; END IF;`)],
    [fn('')],
  );
}
