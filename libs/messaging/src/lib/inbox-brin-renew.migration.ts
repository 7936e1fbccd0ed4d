import type { MigrationInterface } from 'typeorm';
import { statementMigration } from '@hiring/platform';
import { messagingTables, pascal } from './sql';

/** Epoch milliseconds when this migration was written; TypeORM orders migrations by the name's last 13 digits. */
export const INBOX_BRIN_RENEW_TIMESTAMP = 1796450249947;

/**
 * Summarizes every range of the inbox's `processed_at` BRIN index afresh,
 * once. The inbox pruner used to do this at a process's first run and after
 * every deleting run; it now drops the summaries of the ranges it deletes
 * from as it deletes (inbox/inbox-pruner.ts), so the ranges an earlier
 * version deleted from, whose summaries still hold the deleted rows' bounds,
 * are renewed here. Reads the whole table once (~7 ms per 1,000 pages);
 * deleted rows that no snapshot can see are left out of the new bounds.
 */
export function inboxBrinRenewMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  const index = `'${t.schema}.inbox_processed_at_brin'::regclass`;
  const name = `InboxBrinRenew${pascal(schema)}${INBOX_BRIN_RENEW_TIMESTAMP}`;
  return statementMigration(
    name,
    [
      `SELECT count(*) FROM (
         SELECT brin_desummarize_range(${index}, r), brin_summarize_range(${index}, r)
           FROM generate_series(0::bigint, pg_relation_size('${t.inbox}') / current_setting('block_size')::bigint - 1, 128) AS r) x`,
    ],
    [],
  );
}
