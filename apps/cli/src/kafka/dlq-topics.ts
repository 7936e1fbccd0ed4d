// Which topics the dlq commands accept: the catalogue's, a source topic or its
// .dlq name. Checked before connecting, so a typo is exit 2 with the list.
import { deadLetterTopic, TOPIC_SPECS } from '@hiring/contracts';
import { CliInputError } from '../io/cli-error';

const DLQ_SUFFIX = '.dlq';

export interface DlqTopicPair {
  sourceTopic: string;
  dlqTopic: string;
}

/** Every source topic of the catalogue with its dead-letter topic, catalogue order. */
export function dlqTopicPairs(): DlqTopicPair[] {
  const names = new Set(TOPIC_SPECS.map((t) => t.name));
  return TOPIC_SPECS.filter((t) => !t.name.endsWith(DLQ_SUFFIX) && names.has(deadLetterTopic(t.name))).map((t) => ({
    sourceTopic: t.name,
    dlqTopic: deadLetterTopic(t.name),
  }));
}

export function resolveDlqTopic(topic: string): DlqTopicPair {
  const pairs = dlqTopicPairs();
  const pair = pairs.find((p) => p.sourceTopic === topic || p.dlqTopic === topic);
  if (!pair) {
    const valid = pairs.map((p) => `  ${p.sourceTopic} (or ${p.dlqTopic})`).join('\n');
    throw new CliInputError(`unknown topic "${topic}"; valid topics:\n${valid}`);
  }
  return pair;
}

/** A non-negative integer argument (partition, offset); bigint because offsets are int64. */
export function parseNonNegativeInteger(value: string, what: string): bigint {
  if (!/^\d{1,19}$/.test(value)) throw new CliInputError(`${what} "${value}" is not a non-negative integer`);
  return BigInt(value);
}
