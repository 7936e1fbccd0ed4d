// The AsyncAPI 3.0 document of the pipeline, built from the topic catalogue,
// the event catalogue and the JSON Schemas, so the published description
// cannot say something the code does not do. docs/asyncapi.json is its
// rendering; asyncapi.spec.ts fails when the two differ.
import { ALL_EVENT_TYPES, EVENT_CATALOGUE, EVENT_TYPES, type EventType } from '../catalogue';
import { exampleEvent } from '../examples/example-events';
import { CLOUDEVENTS_CONTENT_TYPE, DEAD_LETTER_HEADERS } from '../kafka-record';
import { bundleSchema, envelopeSchema, PAYLOAD_SCHEMA_FILES, payloadSchemaName, type JsonSchema } from '../schemas/json-schema';
import { AGENCY_SIGNATURE_ATTRIBUTE } from '../submission-signature';
import { TOPIC_SPECS, TOPICS, deadLetterTopic, type TopicSpec } from '../topics';

export const ASYNCAPI_DOCUMENT_PATH = 'docs/asyncapi.json';
export const REGENERATE_COMMAND = 'node -r @swc-node/register libs/contracts/src/asyncapi/generate-asyncapi.ts';

const KAFKA_BINDING_VERSION = '0.5.0';
const SCHEMAS = '#/components/schemas/';
const MESSAGES = '#/components/messages/';

type Doc = Record<string, unknown>;

const DESCRIPTION = `Events of the tech-lead hiring pipeline: agencies submit candidates, sourcing accepts them, screening applies the hiring rules, scoring publishes explainable scores, and the offer service guards offers against market salary floors.

- **Format.** Every record value is a CloudEvents 1.0 event in structured mode (content type \`${CLOUDEVENTS_CONTENT_TYPE}\`): one JSON document holding the attributes and \`data\`. No \`ce_*\` headers are used. The \`type\` is versioned (\`recruiting.<event>.v<major>\`); a breaking change is a new type and a new topic.
- **Key.** The record key is the event \`subject\`: the candidate id, so all events about one candidate are ordered on one partition. Agency submissions have no candidate id yet and are keyed \`<agencyId>/<externalId>\`.
- **Validation.** Producers validate on the way out and consumers on the way in, against the same classes these schemas mirror. Unknown attributes and unknown payload fields are rejected, never dropped. A record that fails goes to \`<topic>.dlq\` with its original bytes and \`dlq-*\` headers.
- **Submissions are signed.** An agency puts \`${AGENCY_SIGNATURE_ATTRIBUTE}\` in the envelope: lowercase hex HMAC-SHA256 of the canonical JSON of \`data\` (keys sorted at every depth, no whitespace) with the agency's signing secret. See docs/events.md for a worked example with openssl and kcat.
- **Personal data.** Only submissions carry identity (name, email, phone). The scored topic carries ids, numbers and rule ids only. On erasure (\`recruiting.candidate-erased.v1\`) every service deletes the candidate's data and producers of compacted topics write a tombstone: key = candidate id, null value.

Generated from libs/contracts by \`${REGENERATE_COMMAND}\`; do not edit by hand.`;

/** Channel id from the topic catalogue key: `candidateScored`, `candidateScoredDeadLetters`. */
function channelIdOf(topic: string): string {
  const primary = Object.entries(TOPICS).find(([, name]) => name === topic || deadLetterTopic(name) === topic);
  if (!primary) throw new Error(`topic ${topic} is not in TOPICS`);
  return primary[1] === topic ? primary[0] : `${primary[0]}DeadLetters`;
}

function messageIdOf(type: EventType): string {
  const key = Object.entries(EVENT_TYPES).find(([, value]) => value === type)?.[0];
  if (!key) throw new Error(`event type ${type} is not in EVENT_TYPES`);
  return key;
}

function envelopeNameOf(type: EventType): string {
  return payloadSchemaName(type).replace(/Event$/, 'CloudEvent');
}

function kafkaChannelBinding(spec: TopicSpec): Doc {
  return {
    kafka: {
      topic: spec.name,
      partitions: spec.partitions,
      topicConfiguration: { 'cleanup.policy': [spec.cleanupPolicy], 'retention.ms': spec.retentionMs },
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  };
}

function schemas(): Record<string, JsonSchema> {
  const all: Record<string, JsonSchema> = {};
  for (const type of ALL_EVENT_TYPES) {
    const { schema, definitions } = bundleSchema(PAYLOAD_SCHEMA_FILES[type], SCHEMAS);
    const { $schema: _draft, $id: _id, ...payload } = schema;
    Object.assign(all, definitions);
    all[payloadSchemaName(type)] = payload;
    all[envelopeNameOf(type)] = envelopeSchema(type, `${SCHEMAS}${payloadSchemaName(type)}`);
  }
  all['KafkaKey'] = { type: 'string', minLength: 1, maxLength: 400, description: 'The CloudEvents subject: the candidate id (<agencyId>/<externalId> for submissions).' };
  all['CloudEventHeaders'] = {
    type: 'object',
    properties: { 'content-type': { type: 'string', const: CLOUDEVENTS_CONTENT_TYPE } },
  };
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}

function eventMessage(type: EventType): Doc {
  const entry = EVENT_CATALOGUE[type];
  const event = exampleEvent(type);
  return {
    name: type,
    title: payloadSchemaName(type).replace(/Event$/, ''),
    summary: entry.description,
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    headers: { $ref: `${SCHEMAS}CloudEventHeaders` },
    payload: { $ref: `${SCHEMAS}${envelopeNameOf(type)}` },
    correlationId: { description: 'CloudEvents extension attribute correlationid.', location: '$message.payload#/correlationid' },
    bindings: { kafka: { key: { $ref: `${SCHEMAS}KafkaKey` }, bindingVersion: KAFKA_BINDING_VERSION } },
    'x-contains-pii': entry.containsPii,
    ...(entry.personalData ? { 'x-personal-data': entry.personalData } : {}),
    examples: [{ name: messageIdOf(type), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE }, payload: event }],
  };
}

const TOMBSTONE_MESSAGE: Doc = {
  name: 'tombstone',
  title: 'Tombstone',
  summary: 'Null value under a candidate id: compaction then forgets every earlier record of that candidate. Written on erasure.',
  payload: { type: 'null' },
  bindings: { kafka: { key: { $ref: `${SCHEMAS}KafkaKey` }, bindingVersion: KAFKA_BINDING_VERSION } },
};

const DEAD_LETTER_MESSAGE: Doc = {
  name: 'dead-letter',
  title: 'Dead letter',
  summary: 'A record a consumer could not process: original key, value (byte for byte, possibly not JSON) and headers, plus the dlq-* headers saying why.',
  headers: {
    type: 'object',
    properties: {
      [DEAD_LETTER_HEADERS.reason]: { type: 'string', description: '<code>: <message>; code is a ContractViolation code (MALFORMED_JSON, INVALID_ENVELOPE, UNKNOWN_TYPE, INVALID_PAYLOAD, UNEXPECTED_TYPE), HANDLER_ERROR or RETRIES_EXHAUSTED.' },
      [DEAD_LETTER_HEADERS.errors]: { type: 'string', description: 'JSON array of {path, message}, paths dotted from the envelope root (data.profile.productionSystems[0].name).' },
      [DEAD_LETTER_HEADERS.sourceTopic]: { type: 'string' },
      [DEAD_LETTER_HEADERS.sourcePartition]: { type: 'string' },
      [DEAD_LETTER_HEADERS.sourceOffset]: { type: 'string' },
      [DEAD_LETTER_HEADERS.consumerGroup]: { type: 'string' },
      [DEAD_LETTER_HEADERS.failedAt]: { type: 'string', description: 'RFC 3339.' },
      [DEAD_LETTER_HEADERS.attempts]: { type: 'string' },
      [DEAD_LETTER_HEADERS.replayedFrom]: { type: 'string', description: 'Set on a record replayed from a dead-letter topic.' },
    },
  },
  payload: { description: 'The original record value, unchanged.' },
};

function channels(): Doc {
  const result: Doc = {};
  for (const spec of TOPIC_SPECS) {
    const id = channelIdOf(spec.name);
    const isDeadLetter = spec.name.endsWith('.dlq');
    const types = ALL_EVENT_TYPES.filter((type) => EVENT_CATALOGUE[type].topic === spec.name);
    const messages: Doc = {};
    if (isDeadLetter) messages['deadLetter'] = { $ref: `${MESSAGES}deadLetter` };
    for (const type of types) messages[messageIdOf(type)] = { $ref: `${MESSAGES}${messageIdOf(type)}` };
    if (spec.cleanupPolicy === 'compact') messages['tombstone'] = { $ref: `${MESSAGES}tombstone` };
    const notes = [
      spec.description,
      spec.cleanupPolicy === 'compact'
        ? 'Compacted: the latest record per key is kept forever, so a reader rebuilds current state from offset 0. Erasure writes a tombstone.'
        : `Retention ${spec.retentionMs / 86_400_000} days.`,
    ];
    result[id] = { address: spec.name, title: spec.name, description: notes.join(' '), messages, bindings: kafkaChannelBinding(spec) };
  }
  return result;
}

function operations(channelDoc: Doc): Doc {
  const result: Doc = {};
  for (const [id, channel] of Object.entries(channelDoc)) {
    const messages = Object.keys((channel as { messages: Doc }).messages);
    // Agencies send submissions; the pipeline receives them. Everything else the pipeline sends.
    const receives = (channel as { address: string }).address === TOPICS.submissions;
    const verb = receives ? 'receive' : 'send';
    result[`${verb}${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
      action: verb,
      channel: { $ref: `#/channels/${id}` },
      summary: receives ? 'Sourcing consumes agency submissions.' : `The pipeline publishes to ${(channel as { address: string }).address}.`,
      messages: messages.map((message) => ({ $ref: `#/channels/${id}/messages/${message}` })),
    };
  }
  return result;
}

export function buildAsyncApiDocument(): Doc {
  const channelDoc = channels();
  const messages: Doc = Object.fromEntries(ALL_EVENT_TYPES.map((type) => [messageIdOf(type), eventMessage(type)]));
  return {
    asyncapi: '3.0.0',
    info: { title: 'Tech-lead hiring pipeline events', version: '1.0.0', description: DESCRIPTION },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    servers: {
      local: { host: 'localhost:9092', protocol: 'kafka', description: 'The single-node KRaft broker deploy/local starts (KAFKA_BROKERS).' },
    },
    channels: channelDoc,
    operations: operations(channelDoc),
    components: {
      schemas: schemas(),
      messages: { ...messages, tombstone: TOMBSTONE_MESSAGE, deadLetter: DEAD_LETTER_MESSAGE },
    },
  };
}

/** The exact text of docs/asyncapi.json. */
export function renderAsyncApiDocument(): string {
  return `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;
}
