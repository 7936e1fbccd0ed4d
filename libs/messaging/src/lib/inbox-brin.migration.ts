import type { MigrationInterface } from 'typeorm';
import { statementMigration } from '@hiring/platform';
import { messagingTables, pascal } from './sql';

/** Epoch milliseconds when this migration was written; TypeORM orders migrations by the name's last 13 digits. */
export const INBOX_BRIN_MIGRATION_TIMESTAMP = 1796325154769;

/**
 * The inbox's `processed_at` index as BRIN instead of a btree. Inbox rows are
 * appended in `processed_at` order and only ever deleted by age, which a BRIN
 * index of a few pages serves; the btree took one more index entry per
 * consumed event (about 10 per candidate across the services) and grew with
 * the table.
 */
export function inboxBrinMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  const name = `InboxProcessedAtBrin${pascal(schema)}${INBOX_BRIN_MIGRATION_TIMESTAMP}`;
  return statementMigration(
    name,
    [`DROP INDEX IF EXISTS ${t.schema}.inbox_processed_at_idx`, `CREATE INDEX IF NOT EXISTS inbox_processed_at_brin ON ${t.inbox} USING brin (processed_at)`],
    [`DROP INDEX IF EXISTS ${t.schema}.inbox_processed_at_brin`, `CREATE INDEX IF NOT EXISTS inbox_processed_at_idx ON ${t.inbox} (processed_at)`],
  );
}
