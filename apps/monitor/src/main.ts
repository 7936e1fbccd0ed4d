import 'reflect-metadata';
import { EVENT_TYPES, precompileContracts } from '@hiring/contracts';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { MonitorConfig } from './monitor.config';

const config = loadConfigOrExit(MonitorConfig);
// The contract checks of the events this service reads and writes, compiled before the first event arrives.
precompileContracts([EVENT_TYPES.candidateSourced, EVENT_TYPES.candidateScreened, EVENT_TYPES.candidateScored, EVENT_TYPES.offerDecided, EVENT_TYPES.candidateErased]);
bootstrapService(AppModule.register(config), {
  service: 'monitor',
  config,
  title: 'Hiring pipeline: monitor',
  description: 'Live view of every stage for recruiting ops: stage counts, conversion, time in stage, agency service levels, dead letters and consumer lag.',
}).catch((error: unknown) => {
  process.stderr.write(`monitor failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
