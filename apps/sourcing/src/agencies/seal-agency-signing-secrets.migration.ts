import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { MasterKeyRing } from '@hiring/platform';
import { AgencySigningSecrets } from './agency-signing-secrets';

/**
 * Agencies' signing secrets were stored in clear (`signing_secret`): they move
 * into `signing_secret_key_id` + `signing_secret_wrapped`, sealed by the
 * current master key, and the clear column is dropped, all in the migration's
 * one transaction (agencies are few). Needs the master keys from
 * configuration, hence a factory.
 */
export function sealAgencySigningSecretsMigration(ring: MasterKeyRing): new () => MigrationInterface {
  const secrets = new AgencySigningSecrets(ring);
  return class SealAgencySigningSecrets1796337599022 implements MigrationInterface {
    name = 'SealAgencySigningSecrets1796337599022';

    async up(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE sourcing.agencies ADD COLUMN signing_secret_key_id text, ADD COLUMN signing_secret_wrapped bytea');
      const rows: { id: string; signing_secret: string }[] = await q.query('SELECT id, signing_secret FROM sourcing.agencies');
      const sealed = rows.map((r) => ({ id: r.id, ...secrets.seal(r.signing_secret, r.id) }));
      await q.query(
        `UPDATE sourcing.agencies a SET signing_secret_key_id = s.key_id, signing_secret_wrapped = s.wrapped
           FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS s (id, key_id, wrapped) WHERE a.id = s.id`,
        [sealed.map((s) => s.id), sealed.map((s) => s.keyId), sealed.map((s) => s.wrapped)],
      );
      await q.query('ALTER TABLE sourcing.agencies ALTER COLUMN signing_secret_key_id SET NOT NULL, ALTER COLUMN signing_secret_wrapped SET NOT NULL, DROP COLUMN signing_secret');
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE sourcing.agencies ADD COLUMN signing_secret text');
      const rows: { id: string; signing_secret_key_id: string; signing_secret_wrapped: Buffer }[] = await q.query(
        'SELECT id, signing_secret_key_id, signing_secret_wrapped FROM sourcing.agencies',
      );
      const opened = rows.map((r) => ({ id: r.id, secret: secrets.open({ keyId: r.signing_secret_key_id, wrapped: r.signing_secret_wrapped }, r.id) }));
      await q.query(
        'UPDATE sourcing.agencies a SET signing_secret = s.secret FROM unnest($1::uuid[], $2::text[]) AS s (id, secret) WHERE a.id = s.id',
        [opened.map((s) => s.id), opened.map((s) => s.secret)],
      );
      await q.query('ALTER TABLE sourcing.agencies ALTER COLUMN signing_secret SET NOT NULL, DROP COLUMN signing_secret_key_id, DROP COLUMN signing_secret_wrapped');
    }
  };
}
