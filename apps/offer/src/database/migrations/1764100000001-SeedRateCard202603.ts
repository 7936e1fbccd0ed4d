// The March-2026 card as the domain publishes it: imported, never retyped, so
// the database and the domain's tests agree on every figure.
import { RATE_CARD_2026_03 } from '@hiring/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

export class SeedRateCard2026031764100000001 implements MigrationInterface {
  name = 'SeedRateCard2026031764100000001';

  async up(q: QueryRunner): Promise<void> {
    const card = RATE_CARD_2026_03;
    await q.query(
      `INSERT INTO ${schemaOf(q)}.rate_cards (version, effective_from, source, bands, created_by)
       VALUES ($1, $2, $3, $4::jsonb, 'migration:1764100000001') ON CONFLICT (version) DO NOTHING`,
      [card.version, card.effectiveFrom, card.source, JSON.stringify(card.bands)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Versions are immutable (a trigger refuses DELETE): rolling back the seed means dropping the schema.
    void q;
  }
}
