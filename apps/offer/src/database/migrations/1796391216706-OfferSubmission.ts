import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The submission an offer was made on (the candidate's scored submission when
 * it was proposed), carried by recruiting.offer-decided.v1 so that sourcing's
 * status write-back and the agencies' webhooks reach that submission only,
 * not every submission of the candidate. Offers made before stay NULL: which
 * submission they were made on was not recorded, and their events never said.
 */
export class OfferSubmission1796391216706 implements MigrationInterface {
  name = 'OfferSubmission1796391216706';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.offers ADD COLUMN IF NOT EXISTS submission_id text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.offers DROP COLUMN IF EXISTS submission_id`);
  }
}
