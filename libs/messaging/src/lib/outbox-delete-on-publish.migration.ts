import type { MigrationInterface } from 'typeorm';
import { statementMigration } from '@hiring/platform';
import { messagingTables, pascal } from './sql';

export const OUTBOX_DELETE_ON_PUBLISH_TIMESTAMP = 1796325078175;

/**
 * The relay deletes a row in the transaction that publishes it (it used to
 * set published_at and a prune deleted the row a day later). So the outbox
 * holds only rows still to publish, and:
 * - published rows kept for the retention are deleted now (with them the
 *   sealed copies erasure had to wait out);
 * - published_at and its three partial indexes go: the claim walks the
 *   primary key with a plain index scan, which marks the entries of deleted
 *   rows dead as it passes them (the old claim read the partial index with a
 *   bitmap scan, which never does, so every claim revisited every published
 *   row autovacuum had not yet cleaned); the per-key ordering guard probes
 *   (topic, key, id);
 * - as a queue table, autovacuum cleans it after a fixed number of deleted
 *   rows (not a fraction of a table size that swings between 0 and a burst),
 *   without throttling, so the claim's index scan does not wade through
 *   dead entries for long.
 */
export function outboxDeleteOnPublishMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  const name = `OutboxDeleteOnPublish${pascal(schema)}${OUTBOX_DELETE_ON_PUBLISH_TIMESTAMP}`;
  const up = [
    `DELETE FROM ${t.outbox} WHERE published_at IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS outbox_key_idx ON ${t.outbox} (topic, key, id) WHERE key IS NOT NULL`,
    `DROP INDEX IF EXISTS ${t.schema}.outbox_unpublished_idx`,
    `DROP INDEX IF EXISTS ${t.schema}.outbox_unpublished_key_idx`,
    `DROP INDEX IF EXISTS ${t.schema}.outbox_published_at_idx`,
    `ALTER TABLE ${t.outbox} DROP COLUMN IF EXISTS published_at`,
    `ALTER TABLE ${t.outbox} SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_cost_delay = 0)`,
  ];
  const down = [
    `ALTER TABLE ${t.outbox} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_vacuum_cost_delay)`,
    `ALTER TABLE ${t.outbox} ADD COLUMN IF NOT EXISTS published_at timestamptz NULL`,
    `CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON ${t.outbox} (id) WHERE published_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS outbox_unpublished_key_idx ON ${t.outbox} (topic, key, id) WHERE published_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS outbox_published_at_idx ON ${t.outbox} (published_at) WHERE published_at IS NOT NULL`,
    `DROP INDEX IF EXISTS ${t.schema}.outbox_key_idx`,
  ];

  return statementMigration(name, up, down);
}
