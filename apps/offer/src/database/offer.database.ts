import { vacuumByInsertsMigration } from '@hiring/platform';
import { messagingMigrations } from '@hiring/messaging';
import { CandidatesModule } from '../candidates/candidates.module';
import { OffersModule } from '../offers/offers.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { CreateOfferSchema1764100000000 } from './migrations/1764100000000-CreateOfferSchema';
import { NeedsInterviewDecision1764908000000 } from './migrations/1764908000000-NeedsInterviewDecision';
import { ErasedCandidates1796302901569 } from './migrations/1796302901569-ErasedCandidates';
import { OfferSubmission1796391216706 } from './migrations/1796391216706-OfferSubmission';
import { SeedRateCard2026031764100000001 } from './migrations/1764100000001-SeedRateCard202603';

/**
 * The offer service owns the Postgres schema "offer" and nothing else.
 * Migrations follow the configured schema, so integration tests run them in a
 * throwaway schema of their own. Each feature's module names its own entities.
 */
export function offerDatabase(schema = 'offer') {
  return {
    schema,
    entities: [...RateCardsModule.entities, ...CandidatesModule.entities, ...OffersModule.entities],
    migrations: [CreateOfferSchema1764100000000, SeedRateCard2026031764100000001, NeedsInterviewDecision1764908000000, ErasedCandidates1796302901569, OfferSubmission1796391216706, ...messagingMigrations(schema), vacuumByInsertsMigration('VacuumByInserts1796451000001', [`"${schema}".candidate_eligibility`])],
  };
}

export const OFFER_DATABASE = offerDatabase();
export type OfferDatabase = ReturnType<typeof offerDatabase>;
