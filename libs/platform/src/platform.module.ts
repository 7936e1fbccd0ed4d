// Everything that makes an app boot like a production service: validated
// config, JSON logs, its own Postgres schema with migrations, health and
// metrics endpoints. Apps add their use cases on top.
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthFailureThrottle } from './auth/auth-failure-throttle';
import { OpsTokenGuard } from './auth/ops-token.guard';
import { ServiceConfig } from './config/service.config';
import { serviceDataSourceOptions, ServiceDataSourceOptions } from './database/data-source';
import { DatabaseReadiness } from './database/database-readiness';
import { PoolErrorListener } from './database/pool-error-listener';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness.registry';
import { LoggingModule } from './logging/logging.module';
import { Clock, SystemClock } from './time/clock';
import { DefaultMetrics, MetricsController } from './metrics/metrics.controller';

export interface PlatformOptions {
  service: string;
  config: ServiceConfig;
  database: Omit<ServiceDataSourceOptions, 'url' | 'service'>;
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggingModule.forRoot(options.service, options.config.LOG_LEVEL),
        TerminusModule.forRoot({ logger: false }),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({ ...options.database, url: options.config.DATABASE_URL, service: options.service }),
        ),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ServiceConfig, useValue: options.config },
        { provide: options.config.constructor, useValue: options.config },
        ReadinessRegistry,
        AuthFailureThrottle,
        OpsTokenGuard,
        DefaultMetrics,
        DatabaseReadiness,
        PoolErrorListener,
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [Clock, ServiceConfig, options.config.constructor as never, ReadinessRegistry, AuthFailureThrottle, OpsTokenGuard],
    };
  }
}
