import { vacuumByInsertsMigration } from '@hiring/platform';
import { messagingMigrations } from '@hiring/messaging';
import { CreateScoringSchema1764100000000 } from './migrations/1764100000000-CreateScoringSchema';
import { NeedsInterviewDecision1764908000000 } from './migrations/1764908000000-NeedsInterviewDecision';
import { ErasedCandidates1796302901569 } from './migrations/1796302901569-ErasedCandidates';
import { ScoreEntity } from '../scores/score.entity';

export const SCORING_SCHEMA = 'scoring';

/** The scoring service owns the Postgres schema "scoring" and nothing else (outbox and inbox included). */
export const SCORING_DATABASE = {
  schema: SCORING_SCHEMA,
  entities: [ScoreEntity],
  migrations: [CreateScoringSchema1764100000000, NeedsInterviewDecision1764908000000, ErasedCandidates1796302901569, ...messagingMigrations(SCORING_SCHEMA), vacuumByInsertsMigration('VacuumByInserts1796451000001', [`${SCORING_SCHEMA}.scores`])],
};
