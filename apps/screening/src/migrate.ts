import 'reflect-metadata';
import { loadConfigOrExit, migrateAndExit } from '@hiring/platform';
import { ScreeningConfig } from './screening.config';
import { SCREENING_DATABASE } from './database/screening.database';

migrateAndExit('screening', loadConfigOrExit(ScreeningConfig), SCREENING_DATABASE).catch((error: unknown) => {
  process.stderr.write(`screening migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
