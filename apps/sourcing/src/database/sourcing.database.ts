import { CreateSourcingSchema1764100000000 } from './migrations/1764100000000-CreateSourcingSchema';

/** The sourcing service owns the Postgres schema "sourcing" and nothing else. */
export const SOURCING_DATABASE = {
  schema: 'sourcing',
  entities: [],
  migrations: [CreateSourcingSchema1764100000000],
};
