import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { SourcingConfig } from './sourcing.config';
import { BULK_LIMITS, MAX_BULK_BYTES } from './submissions/submission.dto';

const config = loadConfigOrExit(SourcingConfig);
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
