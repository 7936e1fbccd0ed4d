// A real sourcing process for Kafka integration tests: its consumer group is
// committed at the end of every topic it reads (submissions and their dead
// letters) before it starts, so it reads exactly what the test produces.
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { ServiceProcess, testDatabaseUrl, testKafkaBrokers, type KafkaTestKit } from '@hiring/testing';

export async function startSourcingProcess(kit: KafkaTestKit, group: string, opsToken: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  await kit.startGroupAtEnd(group, [TOPICS.submissions, deadLetterTopic(TOPICS.submissions)]);
  const service = await ServiceProcess.start({
    app: 'sourcing',
    env: { OPS_TOKEN: opsToken, KAFKA_CONSUMER_GROUP: group, DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), ...env },
  });
  await service.waitUntilReady();
  return service;
}
