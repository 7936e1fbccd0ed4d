import 'reflect-metadata';
import { EVENT_TYPES, precompileContracts } from '@hiring/contracts';
import { precompileCandidateProfile } from '@hiring/domain';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { SourcingConfig } from './sourcing.config';
import { BULK_LIMITS, MAX_BULK_BYTES } from './submissions/submission.dto';

const config = loadConfigOrExit(SourcingConfig);
// The contract checks of the events this service reads and writes, compiled before the first event arrives.
precompileContracts([EVENT_TYPES.submission, EVENT_TYPES.candidateSourced, EVENT_TYPES.candidateErased, EVENT_TYPES.candidateScreened, EVENT_TYPES.candidateScored, EVENT_TYPES.offerDecided]);
// Likewise the profile check every submission goes through (HTTP and Kafka).
precompileCandidateProfile();
bootstrapService(AppModule.register(config), {
  service: 'sourcing',
  config,
  bodyLimit: MAX_BULK_BYTES,
  tooLargeHint: BULK_LIMITS,
  title: 'Hiring pipeline: sourcing',
  description: 'Agencies push sourced candidates (HTTP with an API key, or Kafka); requisitions; submissions and duplicates.',
}).catch((error: unknown) => {
  process.stderr.write(`sourcing failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
