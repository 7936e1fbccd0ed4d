import { CreateScoringSchema1764100000000 } from './migrations/1764100000000-CreateScoringSchema';

/** The scoring service owns the Postgres schema "scoring" and nothing else. */
export const SCORING_DATABASE = {
  schema: 'scoring',
  entities: [],
  migrations: [CreateScoringSchema1764100000000],
};
