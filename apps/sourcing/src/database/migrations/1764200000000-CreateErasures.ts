import { MigrationInterface, QueryRunner } from 'typeorm';

/** Erasures are recorded (who asked, when), never what was erased. */
export class CreateErasures1764200000000 implements MigrationInterface {
  name = 'CreateErasures1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sourcing.erasures (
      candidate_id uuid PRIMARY KEY,
      requested_by text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 200),
      erased_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sourcing.erasures');
  }
}
