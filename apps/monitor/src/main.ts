import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { MonitorConfig } from './monitor.config';

const config = loadConfigOrExit(MonitorConfig);
// No contract checks to compile: the monitor writes no event and reads the fields it uses with its own decoder (stage-event.decoder.ts).
bootstrapService(AppModule.register(config), {
  service: 'monitor',
  config,
  title: 'Hiring pipeline: monitor',
  description: 'Live view of every stage for recruiting ops: stage counts, conversion, time in stage, agency service levels, dead letters and consumer lag.',
}).catch((error: unknown) => {
  process.stderr.write(`monitor failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
