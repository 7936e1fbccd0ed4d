import 'reflect-metadata';
import { EVENT_TYPES, precompileContracts } from '@hiring/contracts';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { OfferConfig } from './offer.config';

const config = loadConfigOrExit(OfferConfig);
// The contract checks of the events this service reads and writes, compiled before the first event arrives.
precompileContracts([EVENT_TYPES.candidateScored, EVENT_TYPES.candidateErased, EVENT_TYPES.offerGuidance, EVENT_TYPES.offerDecided]);
bootstrapService(AppModule.register(config), {
  service: 'offer',
  config,
  title: 'Hiring pipeline: offer',
  description: 'Guards offers against market salary floors per role and location with versioned rate cards and recorded overrides.',
}).catch((error: unknown) => {
  process.stderr.write(`offer failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
