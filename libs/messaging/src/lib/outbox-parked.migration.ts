import type { MigrationInterface } from 'typeorm';
import { statementMigration } from '@hiring/platform';
import { messagingTables, pascal } from './sql';

/** Epoch milliseconds when this migration was written; TypeORM orders migrations by the name's last 13 digits. */
export const OUTBOX_PARKED_TIMESTAMP = 1796389836938;

/**
 * Where the relay puts an outbox row Kafka refuses as too large for the topic
 * (MESSAGE_TOO_LARGE on a send of that one record): retrying it would block
 * every later row of its partition forever, and a dead-letter topic cannot take
 * it whole either (same broker, same limit). The row keeps its bytes, headers,
 * outbox id and the broker's reason here, for inspection and for a replay once
 * the limit is raised (docs/messaging.md, "An event Kafka refuses as too
 * large"). Erasure deletes a candidate's parked rows by key (`Outbox.eraseParked`).
 */
export function outboxParkedMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  return statementMigration(
    `OutboxParked${pascal(schema)}${OUTBOX_PARKED_TIMESTAMP}`,
    [
      `CREATE TABLE IF NOT EXISTS ${t.parked} (
         id bigint PRIMARY KEY, -- the outbox row's id
         topic text NOT NULL,
         key text NULL,
         value bytea NULL,
         headers jsonb NOT NULL DEFAULT '{}'::jsonb,
         reason text NOT NULL,
         bytes int NOT NULL,
         parked_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX IF NOT EXISTS outbox_parked_key_idx ON ${t.parked} (key)`,
    ],
    [`DROP TABLE IF EXISTS ${t.parked}`],
  );
}
