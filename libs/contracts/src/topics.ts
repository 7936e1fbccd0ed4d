// The topic catalogue: every Kafka topic the pipeline owns, with the settings
// it is provisioned with. Provisioning, the AsyncAPI document and the services
// all read this one list, so a topic cannot exist in one place only.

export const TOPICS = {
  submissions: 'recruiting.submissions.v1',
  candidateSourced: 'recruiting.candidate-sourced.v1',
  candidateScreened: 'recruiting.candidate-screened.v1',
  candidateScored: 'recruiting.candidate-scored.v1',
  offerGuidance: 'recruiting.offer-guidance.v1',
  offerDecided: 'recruiting.offer-decided.v1',
  candidateErased: 'recruiting.candidate-erased.v1',
  interviewFeedback: 'recruiting.interview-feedback.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicSpec {
  name: string;
  partitions: number;
  /** `compact` keeps the latest record per key: a dashboard rebuilds current state from offset 0. */
  cleanupPolicy: 'delete' | 'compact';
  /** -1 keeps records forever. */
  retentionMs: number;
  description: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PARTITIONS = 6;
/** The submissions topic and its dead letters: longer than any outage sourcing should have, short for data in clear. */
const INTAKE_RETENTION_MS = 7 * DAY_MS;

const primary: TopicSpec[] = [
  // Agencies write identity and profile text in clear: a transit buffer that sourcing purges once consumed
  // (docs/sourcing.md); the short retention is the backstop if sourcing cannot purge.
  { name: TOPICS.submissions, partitions: PARTITIONS, cleanupPolicy: 'delete', retentionMs: INTAKE_RETENTION_MS, description: 'Agencies submit sourced candidates (signed CloudEvents). Personal data in clear: purged once sourcing has consumed it.' },
  { name: TOPICS.candidateSourced, partitions: PARTITIONS, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, description: 'A submission was accepted and a candidate is owned by an agency.' },
  { name: TOPICS.candidateScreened, partitions: PARTITIONS, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, description: 'Screening result: per-rule state as rule ids, counts, interview-kit rule ids and rubric version; no free text.' },
  { name: TOPICS.candidateScored, partitions: PARTITIONS, cleanupPolicy: 'compact', retentionMs: -1, description: 'Current explainable score per candidate; no PII; tombstoned on erasure.' },
  { name: TOPICS.offerGuidance, partitions: PARTITIONS, cleanupPolicy: 'compact', retentionMs: -1, description: 'Salary band guidance for an eligible candidate.' },
  { name: TOPICS.offerDecided, partitions: PARTITIONS, cleanupPolicy: 'delete', retentionMs: 90 * DAY_MS, description: 'An offer was approved or refused against the salary floor.' },
  // Notes travel sealed with the candidate's key (shredded by an erasure); kept 90 days so a re-screening can be replayed.
  { name: TOPICS.interviewFeedback, partitions: PARTITIONS, cleanupPolicy: 'delete', retentionMs: 90 * DAY_MS, description: "Interviewers' answers per rule id and communication rating; notes only sealed with the candidate's data key." },
  { name: TOPICS.candidateErased, partitions: PARTITIONS, cleanupPolicy: 'delete', retentionMs: 90 * DAY_MS, description: 'A candidate was erased; every service deletes their PII.' },
];

/** Dead letters keep the original bytes plus error headers; kept long enough for ops to replay. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

const deadLetters: TopicSpec[] = primary.map((t) => ({
    name: deadLetterTopic(t.name),
    partitions: 1,
    cleanupPolicy: 'delete' as const,
    retentionMs: t.name === TOPICS.submissions ? INTAKE_RETENTION_MS : 30 * DAY_MS,
    description: `Dead letters of ${t.name}: original bytes, reason in headers.${t.name === TOPICS.submissions ? ' Personal data in clear: purged by sourcing on an erasure.' : ''}`,
  }));

export const TOPIC_SPECS: readonly TopicSpec[] = [...primary, ...deadLetters];
