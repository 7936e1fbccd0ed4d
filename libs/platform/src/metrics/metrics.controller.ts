import { Controller, Get, Header, Injectable, OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { ServiceConfig } from '../config/service.config';

/** Process metrics (CPU, memory, event-loop lag, GC) labelled with the service name. */
@Injectable()
export class DefaultMetrics implements OnModuleInit {
  constructor(private readonly config: ServiceConfig) {}

  onModuleInit(): void {
    // Registered once per process, even when a test boots several app instances.
    if (register.getSingleMetric('process_cpu_user_seconds_total')) return;
    register.setDefaultLabels({ service: this.config.constructor.name.replace(/Config$/, '').toLowerCase() });
    collectDefaultMetrics();
  }
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
