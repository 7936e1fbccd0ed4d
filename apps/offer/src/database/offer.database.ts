import { CreateOfferSchema1764100000000 } from './migrations/1764100000000-CreateOfferSchema';

/** The offer service owns the Postgres schema "offer" and nothing else. */
export const OFFER_DATABASE = {
  schema: 'offer',
  entities: [],
  migrations: [CreateOfferSchema1764100000000],
};
