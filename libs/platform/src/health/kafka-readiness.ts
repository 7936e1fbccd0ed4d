import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { ServiceConfig } from '../config/service.config';
import { ReadinessRegistry } from './readiness.registry';

/** Ready when the broker answers a metadata request. */
@Injectable()
export class KafkaReadiness implements OnModuleInit, OnApplicationShutdown {
  private admin?: Admin;

  constructor(private readonly config: ServiceConfig, private readonly registry: ReadinessRegistry) {}

  onModuleInit(): void {
    this.registry.register('kafka', async () => {
      if (!this.admin) {
        const kafka = new Kafka({
          clientId: 'readiness',
          brokers: this.config.kafkaBrokers,
          logLevel: logLevel.NOTHING,
          retry: { retries: 0 },
          connectionTimeout: 2000,
        });
        this.admin = kafka.admin();
        await this.admin.connect();
      }
      await this.admin.describeCluster();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}
