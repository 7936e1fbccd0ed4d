import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@hiring/platform';
import { MessagingHealth } from './messaging.health';

/** Registers "kafka" in the service's readiness: the client that consumes and relays must reach the brokers. */
@Injectable()
export class MessagingReadiness implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly health: MessagingHealth,
  ) {}

  onModuleInit(): void {
    this.registry.register('kafka', async () => {
      if (!(await this.health.isKafkaReady(2_000))) throw new Error('the Kafka brokers do not answer');
    });
  }
}
