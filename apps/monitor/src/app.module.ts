import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { MONITOR_DATABASE } from './database/monitor.database';
import { MonitorConfig } from './monitor.config';
import { PipelineModule } from './pipeline/pipeline.module';

@Module({})
export class AppModule {
  static register(config: MonitorConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'monitor', config, database: MONITOR_DATABASE }),
        // Read-only: the monitor publishes nothing, so no outbox relay runs.
        MessagingModule.forService('monitor', config, { relay: { enabled: false } }),
        PipelineModule,
      ],
    };
  }
}
