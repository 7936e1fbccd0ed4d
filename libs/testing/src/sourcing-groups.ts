import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { consumerGroupId } from '@hiring/messaging';

/**
 * Every Kafka group of sourcing started with KAFKA_CONSUMER_GROUP=`group`,
 * with the topics each reads: the main consumer (submissions and their dead
 * letters) and one consumer per status topic (its status write-back, see
 * apps/sourcing/src/progress/pipeline-progress.handler.ts). A test starting
 * sourcing on fresh groups commits each of them at the end of its topics.
 */
export function sourcingKafkaGroups(group: string): Array<{ group: string; topics: readonly string[] }> {
  return [
    { group, topics: [TOPICS.submissions, deadLetterTopic(TOPICS.submissions)] },
    { group: consumerGroupId(group, 'progress-screened'), topics: [TOPICS.candidateScreened] },
    { group: consumerGroupId(group, 'progress-scored'), topics: [TOPICS.candidateScored] },
    { group: consumerGroupId(group, 'progress-offer'), topics: [TOPICS.offerDecided] },
  ];
}
