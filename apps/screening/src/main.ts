import 'reflect-metadata';
import { EVENT_TYPES, precompileContracts } from '@hiring/contracts';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { ScreeningConfig } from './screening.config';

const config = loadConfigOrExit(ScreeningConfig);
// The contract checks of the events this service reads and writes, compiled before the first event arrives.
precompileContracts([EVENT_TYPES.candidateSourced, EVENT_TYPES.candidateErased, EVENT_TYPES.candidateScreened]);
bootstrapService(AppModule.register(config), {
  service: 'screening',
  config,
  title: 'Hiring pipeline: screening',
  description: 'Applies the versioned screening rubric to sourced candidates and records per-rule evidence.',
}).catch((error: unknown) => {
  process.stderr.write(`screening failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
