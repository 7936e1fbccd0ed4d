// `hiring dlq` against the real broker (deploy/local/infra.sh up). A dead
// letter is written straight to recruiting.offer-decided.v1.dlq with the
// messaging library's own builder (deadLetterMessage), exactly as a service's
// consumer would, then listed, shown and replayed through the real command.
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { deadLetterMessage } from '@hiring/messaging/dead-letters';
import { testKafkaConfig, TopicProbe } from '@hiring/testing';
import { parseJson, runHiring } from '../testing/run-hiring';

jest.setTimeout(90_000);

const SOURCE = TOPICS.offerDecided;
const DLQ = deadLetterTopic(SOURCE);

interface Written {
  partition: number;
  offset: string;
  key: string;
  value: Buffer;
}

describe('hiring dlq / a dead letter on recruiting.offer-decided.v1.dlq', () => {
  const kafka = new Kafka(testKafkaConfig({ clientId: 'cli-dlq-int' }));
  let producer: Producer;
  let letter: Written;
  let textLetter: Written;
  const marker = randomUUID();

  async function writeDeadLetter(value: Buffer, code: string, errors: Array<{ path: string; message: string }>): Promise<Written> {
    const key = `cand-${randomUUID()}`;
    const original = {
      key: Buffer.from(key),
      value,
      headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8', 'x-trace': marker },
      offset: '4242',
      timestamp: String(Date.now()),
      attributes: 0,
    } as unknown as KafkaMessage;
    const record = deadLetterMessage({ topic: SOURCE, partition: 3, message: original }, 'offer', { code, message: `${code} in a test`, errors }, 1, new Date('2026-03-02T10:00:00Z'));
    const [meta] = await producer.send({ topic: DLQ, acks: -1, messages: [record] });
    if (!meta || meta.baseOffset === undefined) throw new Error('no offset from the broker');
    return { partition: meta.partition, offset: meta.baseOffset, key, value };
  }

  beforeAll(async () => {
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const event = {
      specversion: '1.0',
      id: marker,
      source: '/services/offer',
      type: 'recruiting.offer-decided.v1',
      subject: 'cand-x',
      data: { decision: 'maybe', marker },
    };
    letter = await writeDeadLetter(Buffer.from(JSON.stringify(event)), 'INVALID_PAYLOAD', [
      { path: 'data.decision', message: 'decision must be one of approved, refused' },
      { path: 'data.offerId', message: 'offerId is required' },
    ]);
    textLetter = await writeDeadLetter(Buffer.from(`not json ${marker}`), 'MALFORMED_JSON', []);
  });

  afterAll(async () => {
    await producer.disconnect();
  });

  it('dlq list (no topic): every .dlq topic with its depth, this one at least 2', async () => {
    const run = await runHiring(['dlq', 'list', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ topic: string; sourceTopic: string; depth: number }>;
    // Every topic's dead-letter topic, once each (listed in the order the topics are provisioned).
    expect([...rows.map((r) => r.topic)].sort()).toEqual(Object.values(TOPICS).map(deadLetterTopic).sort());
    expect(rows.find((r) => r.topic === DLQ)).toMatchObject({ sourceTopic: SOURCE, depth: expect.any(Number) });
    expect(rows.find((r) => r.topic === DLQ)?.depth).toBeGreaterThanOrEqual(2);

    const readable = await runHiring(['dlq', 'list']);
    expect(readable.stdout).toMatch(new RegExp(`^${DLQ.replace(/\./g, '\\.')}\\s+\\d+$`, 'm'));
  });

  it('dlq list <source topic>: the letter with failed-at, reason code, source and first error paths', async () => {
    const run = await runHiring(['dlq', 'list', SOURCE, '--limit', '100000', '--json']);
    expect(run.code).toBe(0);
    const body = parseJson(run) as { dlqTopic: string; depth: number; deadLetters: Array<Record<string, unknown>> };
    expect(body.dlqTopic).toBe(DLQ);
    const found = body.deadLetters.find((d) => d['offset'] === letter.offset && d['partition'] === letter.partition);
    expect(found).toMatchObject({
      key: letter.key,
      reasonCode: 'INVALID_PAYLOAD',
      reason: 'INVALID_PAYLOAD: INVALID_PAYLOAD in a test',
      failedAt: '2026-03-02T10:00:00.000Z',
      sourceTopic: SOURCE,
      sourcePartition: 3,
      sourceOffset: '4242',
      consumerGroup: 'offer',
      attempts: 1,
      errors: [{ path: 'data.decision' }, { path: 'data.offerId' }],
    });

    const readable = await runHiring(['dlq', 'list', DLQ, '--limit', '100000']);
    expect(readable.stdout).toContain(
      `  ${letter.partition}/${letter.offset}  2026-03-02T10:00:00.000Z  INVALID_PAYLOAD  from ${SOURCE}/3/4242  errors: data.decision, data.offerId\n`,
    );
  });

  it('dlq show: reason, errors, every header and the original value pretty-printed', async () => {
    const run = await runHiring(['dlq', 'show', SOURCE, String(letter.partition), letter.offset]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${DLQ}/${letter.partition}/${letter.offset}\n`);
    expect(run.stdout).toContain('  reason      INVALID_PAYLOAD: INVALID_PAYLOAD in a test\n');
    expect(run.stdout).toContain(`  source      ${SOURCE} partition 3 offset 4242\n`);
    expect(run.stdout).toContain('    data.decision: decision must be one of approved, refused\n');
    expect(run.stdout).toContain(`    x-trace: ${marker}\n`);
    expect(run.stdout).toContain('    dlq-consumer-group: offer\n');
    expect(run.stdout).toContain(`  value (JSON, ${letter.value.length} bytes)\n    {\n      "specversion": "1.0",\n`);
    expect(run.stdout).toContain(`        "marker": "${marker}"\n`);

    const json = parseJson(await runHiring(['dlq', 'show', DLQ, String(letter.partition), letter.offset, '--json']));
    expect(json).toMatchObject({ valueEncoding: 'json', value: JSON.parse(letter.value.toString()), headers: { 'dlq-source-topic': SOURCE, 'x-trace': marker } });
  });

  it('dlq show: a value that is not JSON is printed as text', async () => {
    const json = parseJson(await runHiring(['dlq', 'show', DLQ, String(textLetter.partition), textLetter.offset, '--json']));
    expect(json).toMatchObject({ reasonCode: 'MALFORMED_JSON', valueEncoding: 'utf8', value: `not json ${marker}`, errors: [] });
  });

  it('dlq replay: the original key and bytes land on the source topic, marked dlq-replayed-from', async () => {
    const probe = await TopicProbe.start(SOURCE, kafka);
    try {
      const run = await runHiring(['dlq', 'replay', DLQ, String(letter.partition), letter.offset, '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const result = parseJson(run) as { topic: string; partition: number; offset: string; replayedFrom: string };
      expect(result).toMatchObject({ topic: SOURCE, replayedFrom: `${DLQ}/${letter.partition}/${letter.offset}` });

      const [replayed] = await probe.waitFor((r) => r.partition === result.partition && r.offset === result.offset, 1, 30_000, 'the replayed record');
      expect(replayed?.key).toBe(letter.key);
      expect(replayed?.value?.equals(letter.value)).toBe(true);
      expect(replayed?.headers).toMatchObject({ 'dlq-replayed-from': result.replayedFrom, 'x-trace': marker, 'content-type': 'application/cloudevents+json; charset=UTF-8' });
      expect(Object.keys(replayed?.headers ?? {}).filter((h) => h.startsWith('dlq-') && h !== 'dlq-replayed-from')).toEqual([]);
    } finally {
      await probe.stop();
    }
  });

  it('dlq replay (readable): says where the record went', async () => {
    const probe = await TopicProbe.start(SOURCE, kafka);
    try {
      const run = await runHiring(['dlq', 'replay', SOURCE, String(letter.partition), letter.offset]);
      expect(run.code).toBe(0);
      const match = /^replayed (\S+) to (\S+) partition (\d+) offset (\d+)$/m.exec(run.stdout);
      expect(match?.slice(1, 3)).toEqual([`${DLQ}/${letter.partition}/${letter.offset}`, SOURCE]);
      await probe.waitFor((r) => r.partition === Number(match?.[3]) && r.offset === match?.[4] && r.key === letter.key, 1, 30_000, 'the replayed record');
    } finally {
      await probe.stop();
    }
  });

  it('an offset the partition does not hold: exit 2, says which offsets it holds, no hang', async () => {
    const run = await runHiring(['dlq', 'show', DLQ, String(letter.partition), '999999999']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^hiring dlq show: no dead letter at ${DLQ.replace(/\./g, '\\.')}/${letter.partition}/999999999: partition ${letter.partition} holds offsets \\d+ to \\d+\\n$`));
    const noPartition = await runHiring(['dlq', 'replay', DLQ, '7', '0']);
    expect(noPartition.code).toBe(2);
    expect(noPartition.stderr).toBe(`hiring dlq replay: ${DLQ} has no partition 7 (partitions 0)\n`);
  });
});

describe('hiring dlq / Kafka that does not answer', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts TCP and never answers: the case that would hang a naive client.
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a silent broker: exit 4 within seconds, naming the address and the variable', async () => {
    const started = Date.now();
    const run = await runHiring(['dlq', 'list'], undefined, { KAFKA_BROKERS: `127.0.0.1:${port}` });
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `hiring dlq list: Kafka at 127.0.0.1:${port} (KAFKA_BROKERS) did not answer: connecting timed out after 5000ms. Is it running? (bash deploy/local/infra.sh status)\n`,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('nothing listening: exit 4, connection refused', async () => {
    const run = await runHiring(['dlq', 'show', TOPICS.submissions, '0', '0'], undefined, { KAFKA_BROKERS: '127.0.0.1:1' });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^hiring dlq show: Kafka at 127\.0\.0\.1:1 \(KAFKA_BROKERS\) did not answer: .*ECONNREFUSED/);
  });
});
