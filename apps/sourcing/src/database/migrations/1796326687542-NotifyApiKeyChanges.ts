import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every instance of sourcing remembers active API keys for a short while
 * (ApiKeyCache). A statement that revokes or deletes keys NOTIFYs the channel
 * `sourcing_api_keys_changed` (delivered at commit), so every instance
 * forgets what it remembered at once, whichever instance (or hand) made the change.
 */
export class NotifyApiKeyChanges1796326687542 implements MigrationInterface {
  name = 'NotifyApiKeyChanges1796326687542';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION sourcing.notify_api_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('sourcing_api_keys_changed', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER api_keys_changed AFTER UPDATE OR DELETE ON sourcing.agency_api_keys
      FOR EACH STATEMENT EXECUTE FUNCTION sourcing.notify_api_keys_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER api_keys_changed ON sourcing.agency_api_keys');
    await q.query('DROP FUNCTION sourcing.notify_api_keys_changed()');
  }
}
