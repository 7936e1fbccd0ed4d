import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refusals as the set of refused offer ids instead of a counter: a counter
 * relied on the inbox, which is per consumer group, so a second group (a
 * replay under a new group, a test) counted every refusal again. With a set
 * every merge of the read model is idempotent. Earlier counts cannot be turned
 * into ids; they restart from the events read from now on (replay the group
 * to rebuild them).
 */
export class RefusedOfferIds1764600000001 implements MigrationInterface {
  name = 'RefusedOfferIds1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE monitor.candidate_stages ADD COLUMN refused_offer_ids text[] NOT NULL DEFAULT '{}'`);
    await q.query('ALTER TABLE monitor.candidate_stages DROP COLUMN offers_refused');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE monitor.candidate_stages ADD COLUMN offers_refused integer NOT NULL DEFAULT 0 CHECK (offers_refused >= 0)');
    await q.query('UPDATE monitor.candidate_stages SET offers_refused = cardinality(refused_offer_ids)');
    await q.query('ALTER TABLE monitor.candidate_stages DROP COLUMN refused_offer_ids');
  }
}
