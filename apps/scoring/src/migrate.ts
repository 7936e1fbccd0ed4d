import 'reflect-metadata';
import { loadConfigOrExit, migrateAndExit } from '@hiring/platform';
import { ScoringConfig } from './scoring.config';
import { SCORING_DATABASE } from './database/scoring.database';

migrateAndExit('scoring', loadConfigOrExit(ScoringConfig), SCORING_DATABASE).catch((error: unknown) => {
  process.stderr.write(`scoring migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
