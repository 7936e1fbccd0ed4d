import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ALL_EVENT_TYPES, EVENT_CATALOGUE } from '../catalogue';
import { exampleEvent } from '../examples/example-events';
import { TOPIC_SPECS } from '../topics';
import { ASYNCAPI_DOCUMENT_PATH, REGENERATE_COMMAND, buildAsyncApiDocument, renderAsyncApiDocument } from './asyncapi-document';
import { REPOSITORY_ROOT } from './generate-asyncapi';

interface Channel {
  address: string;
  messages: Record<string, { $ref: string }>;
  bindings: { kafka: { topic: string; partitions: number; topicConfiguration: Record<string, unknown> } };
}
interface Message {
  name: string;
  payload: { $ref: string };
  bindings: { kafka: { key: unknown } };
  examples: { payload: unknown }[];
}
interface Operation {
  action: string;
  channel: { $ref: string };
  messages: { $ref: string }[];
}

const document = buildAsyncApiDocument() as {
  asyncapi: string;
  channels: Record<string, Channel>;
  operations: Record<string, Operation>;
  components: { schemas: Record<string, unknown>; messages: Record<string, Message> };
};

/** Resolves a local `#/a/b/c` pointer in the document. */
function resolvePointer(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document);
}

describe('asyncapi-document', () => {
  it('docs/asyncapi.json is the generated document (regenerate it when this fails)', () => {
    const path = resolve(REPOSITORY_ROOT, ASYNCAPI_DOCUMENT_PATH);
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      // compared below, with the same hint
    }
    const upToDate = committed === renderAsyncApiDocument();
    if (!upToDate) {
      throw new Error(`${ASYNCAPI_DOCUMENT_PATH} is out of date with libs/contracts. Regenerate it with:\n\n  ${REGENERATE_COMMAND}\n`);
    }
    expect(upToDate).toBe(true);
  });

  it('is AsyncAPI 3.0 and deterministic', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(renderAsyncApiDocument()).toBe(renderAsyncApiDocument());
  });

  it('every topic of TOPIC_SPECS, dead letters included, is a channel with its address and Kafka settings', () => {
    const channels = Object.values(document.channels);
    expect(channels.map((c) => c.address).sort()).toEqual(TOPIC_SPECS.map((t) => t.name).sort());
    for (const spec of TOPIC_SPECS) {
      const channel = channels.find((c) => c.address === spec.name);
      expect(channel?.bindings.kafka).toMatchObject({
        topic: spec.name,
        partitions: spec.partitions,
        topicConfiguration: { 'cleanup.policy': [spec.cleanupPolicy], 'retention.ms': spec.retentionMs },
      });
    }
  });

  it('every catalogue type is a message on the channel of its topic, keyed, with an envelope payload', () => {
    for (const type of ALL_EVENT_TYPES) {
      const messages = Object.values(document.components.messages).filter((m) => m.name === type);
      expect(messages).toHaveLength(1);
      const channel = Object.values(document.channels).find((c) => c.address === EVENT_CATALOGUE[type].topic);
      const refs = Object.values(channel?.messages ?? {}).map((m) => resolvePointer(m.$ref));
      expect(refs).toContain(messages[0]);
      expect(messages[0]?.bindings.kafka.key).toBeDefined();
      expect(resolvePointer(messages[0]?.payload.$ref ?? '')).toBeDefined();
    }
  });

  it('compacted channels document tombstones; dead-letter channels carry dead letters', () => {
    for (const spec of TOPIC_SPECS) {
      const channel = Object.values(document.channels).find((c) => c.address === spec.name);
      expect(Object.keys(channel?.messages ?? {}).includes('tombstone')).toBe(spec.cleanupPolicy === 'compact');
      expect(Object.keys(channel?.messages ?? {}).includes('deadLetter')).toBe(spec.name.endsWith('.dlq'));
    }
  });

  it('every $ref resolves, and operations point at messages of their own channel', () => {
    const refs: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else collect(value);
        }
      }
    };
    collect(document);
    expect(refs.filter((ref) => resolvePointer(ref) === undefined)).toEqual([]);
    for (const operation of Object.values(document.operations)) {
      for (const message of operation.messages) expect(message.$ref.startsWith(`${operation.channel.$ref}/messages/`)).toBe(true);
    }
  });

  it("each message's example validates against its payload schema as the document states it", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'asyncapi', components: { schemas: document.components.schemas } });
    for (const type of ALL_EVENT_TYPES) {
      const message = Object.values(document.components.messages).find((m) => m.name === type);
      const validate = ajv.compile({ $ref: `asyncapi${message?.payload.$ref ?? ''}` });
      expect(message?.examples[0]?.payload).toEqual(JSON.parse(JSON.stringify(exampleEvent(type))));
      expect(validate(message?.examples[0]?.payload) ? [] : validate.errors).toEqual([]);
      expect(validate({ ...exampleEvent(type), unexpected: true })).toBe(false);
    }
  });
});
