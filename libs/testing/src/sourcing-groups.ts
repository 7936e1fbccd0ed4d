import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { consumerGroupId } from '@hiring/messaging';

/**
 * Every Kafka group of sourcing started with KAFKA_CONSUMER_GROUP=`group`,
 * with the topics each reads: the main consumer (submissions and their dead
 * letters) and the one consumer of the status topics (its status write-back, see
 * apps/sourcing/src/progress/pipeline-progress.handler.ts). A test starting
 * sourcing on fresh groups commits each of them at the end of its topics.
 */
export function sourcingKafkaGroups(group: string): Array<{ group: string; topics: readonly string[] }> {
  return [
    { group, topics: [TOPICS.submissions, deadLetterTopic(TOPICS.submissions)] },
    { group: consumerGroupId(group, 'progress'), topics: [TOPICS.candidateScreened, TOPICS.candidateScored, TOPICS.offerDecided] },
  ];
}
