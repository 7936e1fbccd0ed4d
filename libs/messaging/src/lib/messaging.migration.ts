import type { MigrationInterface } from 'typeorm';
import { statementMigration, vacuumByInsertsMigration } from '@hiring/platform';
import { inboxBrinMigration } from './inbox-brin.migration';
import { inboxBrinRenewMigration } from './inbox-brin-renew.migration';
import { outboxInlineValuesMigration } from './outbox-inline-values.migration';
import { outboxDeleteOnPublishMigration } from './outbox-delete-on-publish.migration';
import { outboxIdAfterXidMigration } from './outbox-id-after-xid.migration';
import { outboxParkedMigration } from './outbox-parked.migration';
import { outboxNotifyInProcessMigration } from './outbox-notify-in-process.migration';
import { messagingTables, pascal } from './sql';

/** Timestamp of the messaging tables' migration; TypeORM orders migrations by the last 13 digits of the name. */
export const MESSAGING_MIGRATION_TIMESTAMP = 1732600000000;

/** Timestamp of the inbox's insert-driven autovacuum setting. */
export const INBOX_VACUUM_BY_INSERTS_TIMESTAMP = 1796451000000;

/**
 * Every migration of the messaging tables of one service schema, oldest first;
 * a service spreads them into its own list (`...messagingMigrations(schema)`),
 * so a later change to the outbox or inbox reaches every service at once.
 */
export function messagingMigrations(schema: string): Array<new () => MigrationInterface> {
  return [
    createMessagingMigration(schema),
    outboxDeleteOnPublishMigration(schema),
    inboxBrinMigration(schema),
    outboxIdAfterXidMigration(schema),
    outboxInlineValuesMigration(schema),
    outboxParkedMigration(schema),
    outboxNotifyInProcessMigration(schema),
    inboxBrinRenewMigration(schema),
    // One row per consumed event, deleted only past the retention (platform's vacuum-by-inserts.ts).
    vacuumByInsertsMigration(`InboxVacuumByInserts${pascal(schema)}${INBOX_VACUUM_BY_INSERTS_TIMESTAMP}`, [messagingTables(schema).inbox]),
  ];
}

/**
 * The outbox + inbox tables of one service schema, as first created (the
 * outbox's published_at and its indexes are gone since
 * outboxDeleteOnPublishMigration).
 */
export function createMessagingMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  const name = `CreateMessaging${pascal(schema)}${MESSAGING_MIGRATION_TIMESTAMP}`;
  const statements = [
    `CREATE SCHEMA IF NOT EXISTS ${t.schema}`,
    `CREATE TABLE IF NOT EXISTS ${t.outbox} (
       id bigserial PRIMARY KEY,
       topic text NOT NULL,
       key text NULL,
       value bytea NULL, -- NULL = tombstone
       headers jsonb NOT NULL DEFAULT '{}'::jsonb,
       event_id text NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz NULL
     )`,
    // The relay scans unpublished rows in id order; the second index serves its per-key ordering guard.
    `CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON ${t.outbox} (id) WHERE published_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS outbox_unpublished_key_idx ON ${t.outbox} (topic, key, id) WHERE published_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS outbox_published_at_idx ON ${t.outbox} (published_at) WHERE published_at IS NOT NULL`,
    `CREATE TABLE IF NOT EXISTS ${t.inbox} (
       consumer_group text NOT NULL,
       event_id text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer_group, event_id)
     )`,
    `CREATE INDEX IF NOT EXISTS inbox_processed_at_idx ON ${t.inbox} (processed_at)`,
    // One NOTIFY per inserting statement (delivered at commit) wakes the relay at once.
    `CREATE OR REPLACE FUNCTION ${t.schema}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM pg_notify('${t.notifyChannel}', '');
       RETURN NULL;
     END $$`,
    `DROP TRIGGER IF EXISTS outbox_notify_trg ON ${t.outbox}`,
    `CREATE TRIGGER outbox_notify_trg AFTER INSERT ON ${t.outbox} FOR EACH STATEMENT EXECUTE FUNCTION ${t.schema}.outbox_notify()`,
  ];
  const down = [
    `DROP TRIGGER IF EXISTS outbox_notify_trg ON ${t.outbox}`,
    `DROP FUNCTION IF EXISTS ${t.schema}.outbox_notify()`,
    `DROP TABLE IF EXISTS ${t.inbox}`,
    `DROP TABLE IF EXISTS ${t.outbox}`,
  ];

  return statementMigration(name, statements, down);
}
