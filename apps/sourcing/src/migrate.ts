import 'reflect-metadata';
import { loadConfigOrExit, migrateAndExit } from '@hiring/platform';
import { SourcingConfig } from './sourcing.config';
import { SOURCING_DATABASE } from './database/sourcing.database';

migrateAndExit('sourcing', loadConfigOrExit(SourcingConfig), SOURCING_DATABASE).catch((error: unknown) => {
  process.stderr.write(`sourcing migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
