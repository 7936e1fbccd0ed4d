import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One data key per candidate, stored only wrapped by a master key from
 * configuration. Deleting the row is the erasure of everything encrypted
 * with it; the erasure record says that it happened.
 */
export class CreateCandidateDataKeys1764510000000 implements MigrationInterface {
  name = 'CreateCandidateDataKeys1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sourcing.candidate_data_keys (
      candidate_id uuid PRIMARY KEY REFERENCES sourcing.candidates (id),
      master_key_id text NOT NULL CHECK (length(master_key_id) BETWEEN 1 AND 64),
      -- iv (12) + GCM tag (16) + encrypted 32-byte key
      wrapped_key bytea NOT NULL CHECK (length(wrapped_key) = 60),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX candidate_data_keys_master_idx ON sourcing.candidate_data_keys (master_key_id)');
    await q.query('ALTER TABLE sourcing.erasures ADD COLUMN data_key_destroyed boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sourcing.erasures DROP COLUMN data_key_destroyed');
    await q.query('DROP TABLE sourcing.candidate_data_keys');
  }
}
