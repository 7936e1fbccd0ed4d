import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingHealth } from '@hiring/messaging';
import { ReadinessRegistry } from '@hiring/platform';

/** /health/ready includes the messaging transport's own Kafka client (the one consuming and relaying). */
@Injectable()
export class MessagingReadiness implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly health: MessagingHealth,
  ) {}

  onModuleInit(): void {
    this.registry.register('messaging', async () => {
      if (!(await this.health.isKafkaReady(2_000))) throw new Error('messaging Kafka client cannot reach the brokers');
    });
  }
}
