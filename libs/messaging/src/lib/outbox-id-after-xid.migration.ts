import type { MigrationInterface } from 'typeorm';
import { statementMigration } from '@hiring/platform';
import { messagingTables, pascal } from './sql';

/** Epoch milliseconds when this migration was written; TypeORM orders migrations by the name's last 13 digits. */
export const OUTBOX_ID_AFTER_XID_TIMESTAMP = 1796337064021;

/**
 * The outbox id default makes sure the inserting transaction has its
 * transaction id before it takes the sequence value (a transaction whose
 * first write is the outbox row would otherwise get it just after). The
 * relay's scan cursor relies on it: whoever holds an id the relay has seen
 * has a transaction id below the next one at the relay's snapshot, so the
 * snapshot's xmin tells when all of them have ended (see ScanCursor).
 */
export function outboxIdAfterXidMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  const name = `OutboxIdAfterXid${pascal(schema)}${OUTBOX_ID_AFTER_XID_TIMESTAMP}`;
  const seq = `${t.schema}.outbox_id_seq`;
  return statementMigration(
    name,
    [
      // CASE evaluates its condition first: pg_current_xact_id() assigns the transaction id.
      `CREATE OR REPLACE FUNCTION ${t.schema}.outbox_next_id() RETURNS bigint LANGUAGE sql VOLATILE AS
       $$ SELECT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('${seq}') END $$`,
      `ALTER TABLE ${t.outbox} ALTER COLUMN id SET DEFAULT ${t.schema}.outbox_next_id()`,
    ],
    [`ALTER TABLE ${t.outbox} ALTER COLUMN id SET DEFAULT nextval('${seq}'::regclass)`, `DROP FUNCTION IF EXISTS ${t.schema}.outbox_next_id()`],
  );
}
