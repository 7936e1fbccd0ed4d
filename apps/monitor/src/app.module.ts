import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@hiring/messaging';
import { PlatformModule } from '@hiring/platform';
import { MONITOR_DATABASE } from './database/monitor.database';
import { MonitorConfig } from './monitor.config';
import { PipelineModule } from './pipeline/pipeline.module';

const FETCH_MIN_BYTES = 1024 * 1024;
/** More than the monitor's partitions (five topics of six). */
const BATCHES_IN_FLIGHT = 64;

@Module({})
export class AppModule {
  static register(config: MonitorConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'monitor', config, database: MONITOR_DATABASE }),
        // Read-only: the monitor publishes nothing, so no outbox relay runs.
        MessagingModule.forService('monitor', config, {
          relay: { enabled: false },
          consumer: {
            // Not latency-critical: let the broker gather a fetch (see MONITOR_FETCH_WAIT_MS).
            minBytes: FETCH_MIN_BYTES,
            maxWaitTimeInMs: config.MONITOR_FETCH_WAIT_MS,
            // Every partition batch of a fetch in flight at once, so StageProgressWriter
            // writes them together; a batch holds no connection while it waits (transaction: false).
            partitionsConsumedConcurrently: BATCHES_IN_FLIGHT,
          },
        }),
        PipelineModule,
      ],
    };
  }
}
