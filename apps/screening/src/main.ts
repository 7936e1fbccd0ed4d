import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { ScreeningConfig } from './screening.config';

const config = loadConfigOrExit(ScreeningConfig);
bootstrapService(AppModule.register(config), {
  service: 'screening',
  config,
  title: 'Hiring pipeline: screening',
  description: 'Applies the versioned screening rubric to sourced candidates and records per-rule evidence.',
}).catch((error: unknown) => {
  process.stderr.write(`screening failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
