import { CreateScreeningSchema1764100000000 } from './migrations/1764100000000-CreateScreeningSchema';

/** The screening service owns the Postgres schema "screening" and nothing else. */
export const SCREENING_DATABASE = {
  schema: 'screening',
  entities: [],
  migrations: [CreateScreeningSchema1764100000000],
};
