import 'reflect-metadata';
import { EVENT_TYPES, precompileContracts } from '@hiring/contracts';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { ScoringConfig } from './scoring.config';

const config = loadConfigOrExit(ScoringConfig);
// The contract checks of the events this service reads and writes, compiled before the first event arrives.
precompileContracts([EVENT_TYPES.candidateScreened, EVENT_TYPES.candidateErased, EVENT_TYPES.candidateScored]);
bootstrapService(AppModule.register(config), {
  service: 'scoring',
  config,
  title: 'Hiring pipeline: scoring',
  description: 'Explainable scores per candidate, published on the compacted scoring topic for dashboards.',
}).catch((error: unknown) => {
  process.stderr.write(`scoring failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
