import 'reflect-metadata';
import { loadConfigOrExit, migrateAndExit } from '@hiring/platform';
import { SourcingConfig } from './sourcing.config';
import { sourcingDatabase } from './database/sourcing.database';

const config = loadConfigOrExit(SourcingConfig);

migrateAndExit('sourcing', config, sourcingDatabase(config)).catch((error: unknown) => {
  process.stderr.write(`sourcing migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
