import 'reflect-metadata';
import { loadConfigOrExit, migrateAndExit } from '@hiring/platform';
import { OfferConfig } from './offer.config';
import { OFFER_DATABASE } from './database/offer.database';

migrateAndExit('offer', loadConfigOrExit(OfferConfig), OFFER_DATABASE).catch((error: unknown) => {
  process.stderr.write(`offer migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
