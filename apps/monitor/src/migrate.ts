import 'reflect-metadata';
import { loadConfigOrExit, migrateAndExit } from '@hiring/platform';
import { MONITOR_DATABASE } from './database/monitor.database';
import { MonitorConfig } from './monitor.config';

migrateAndExit('monitor', loadConfigOrExit(MonitorConfig), MONITOR_DATABASE).catch((error: unknown) => {
  process.stderr.write(`monitor migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
