import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSourcingSchema1764100000000 implements MigrationInterface {
  name = 'CreateSourcingSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS sourcing.agencies (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS "sourcing" CASCADE');
  }
}
