import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@hiring/platform';
import { AppModule } from './app.module';
import { ScoringConfig } from './scoring.config';

const config = loadConfigOrExit(ScoringConfig);
bootstrapService(AppModule.register(config), {
  service: 'scoring',
  config,
  title: 'Hiring pipeline: scoring',
  description: 'Explainable scores per candidate, published on the compacted scoring topic for dashboards.',
}).catch((error: unknown) => {
  process.stderr.write(`scoring failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
