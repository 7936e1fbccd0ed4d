import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOfferSchema1764100000000 implements MigrationInterface {
  name = 'CreateOfferSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS offer.rate_cards (
      version text PRIMARY KEY,
      effective_from date NOT NULL UNIQUE,
      bands jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS "offer" CASCADE');
  }
}
