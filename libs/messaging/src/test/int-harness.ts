// Helpers for this library's integration tests (real Kafka + Postgres from
// deploy/local). Kept local: libs/messaging may not depend on libs/testing.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Kafka, logLevel, type Admin, type Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopic } from '@hiring/contracts';
import {
  waitForTopicLeaders,
  cloudEventEnvelopeDecoder,
  messagingMigrations,
  DecodeFailure,
  type DecodeFn,
  type MessagingLogger,
} from '../index';

// Same variables and defaults as deploy/local/env.sh (KAFKA_PORT/PGPORT move a whole local stack).
export const KAFKA_BROKERS = (
  process.env['KAFKA_BROKERS'] ?? `${process.env['KAFKA_HOST'] ?? '127.0.0.1'}:${process.env['KAFKA_PORT'] ?? '9092'}`
).split(',');
export const DATABASE_URL =
  process.env['DATABASE_URL'] ?? `postgres://hiring:hiring@${process.env['PGHOST'] ?? '127.0.0.1'}:${process.env['PGPORT'] ?? '5433'}/hiring`;

export const quietLogger: MessagingLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 60_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function kafka(clientId = uniqueName('it')): Kafka {
  return new Kafka({ clientId, brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
}

export async function createTopics(k: Kafka, topics: Array<{ topic: string; partitions: number }>, withDlq = true): Promise<void> {
  const admin: Admin = k.admin();
  await admin.connect();
  try {
    const all = topics.flatMap((t) => (withDlq ? [t, { topic: deadLetterTopic(t.topic), partitions: 1 }] : [t]));
    await admin.createTopics({ topics: all.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor: 1 })), waitForLeaders: false });
    await waitForTopicLeaders(admin, all.map((t) => t.topic));
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(k: Kafka, topics: string[]): Promise<void> {
  const admin = k.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: topics.flatMap((t) => [t, deadLetterTopic(t)]) }).catch(() => undefined);
  await admin.disconnect();
}

/** Sum of high watermarks: how many records a topic holds. */
export async function topicSize(k: Kafka, topic: string): Promise<number> {
  const admin = k.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((s, o) => s + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

export async function openDataSource(schema: string, url = DATABASE_URL, extra: Record<string, unknown> = {}): Promise<DataSource> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    migrations: [...messagingMigrations(schema)],
    migrationsTableName: `${schema}_migrations`,
    extra: { max: 8, ...extra },
    synchronize: false,
  });
  await ds.initialize();
  return ds;
}

/** Schema with outbox/inbox (through the exported migration) and a test effects table without any uniqueness. */
export async function prepareSchema(ds: DataSource, schema: string): Promise<void> {
  await ds.runMigrations();
  await ds.query(`CREATE TABLE IF NOT EXISTS "${schema}".effects (
    row_id bigserial PRIMARY KEY, event_id text NOT NULL, key text NOT NULL, seq int NOT NULL,
    partition int NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
}

export async function dropSchema(ds: DataSource, schema: string): Promise<void> {
  await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
  await ds.query(`DROP TABLE IF EXISTS "${schema}_migrations"`).catch(() => undefined);
}

export interface TestPayload {
  key: string;
  seq: number;
  explode?: boolean;
}

export const TEST_TYPE = 'test.thing-happened.v1';

/** Envelope decoder + payload validation, standing in for the contracts' parseEvent. */
export const testDecode: DecodeFn = (message, ctx) => {
  const d = cloudEventEnvelopeDecoder(message, ctx);
  const data = d.data as Partial<TestPayload> | undefined;
  const errors: { path: string; message: string }[] = [];
  if (!data || typeof data !== 'object') errors.push({ path: 'data', message: 'must be an object' });
  else {
    if (typeof data.key !== 'string') errors.push({ path: 'data.key', message: 'must be a string' });
    if (!Number.isInteger(data.seq)) errors.push({ path: 'data.seq', message: 'must be an integer' });
  }
  if (errors.length > 0) throw new DecodeFailure('INVALID_PAYLOAD', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return d;
};

export function testEvent(data: TestPayload | Record<string, unknown>, id: string = randomUUID()): Buffer {
  return Buffer.from(
    JSON.stringify({ specversion: '1.0', id, type: TEST_TYPE, source: 'hiring/test', subject: String((data as { key?: unknown }).key ?? ''), time: new Date().toISOString(), datacontenttype: 'application/json', data }),
  );
}

/** `keys` keys with `perKey` events each, seq 1..perKey per key, interleaved. */
export function keyedStream(keys: number, perKey: number, keyPrefix = 'cand'): Array<{ id: string; key: string; seq: number }> {
  const out: Array<{ id: string; key: string; seq: number }> = [];
  for (let s = 1; s <= perKey; s++) for (let k = 0; k < keys; k++) out.push({ id: randomUUID(), key: `${keyPrefix}-${k}`, seq: s });
  return out;
}

export async function produce(k: Kafka, topic: string, messages: Message[], chunk = 500): Promise<void> {
  const producer = k.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += chunk) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + chunk) });
  } finally {
    await producer.disconnect();
  }
}

export async function countEffects(ds: DataSource, schema: string): Promise<{ rows: number; distinct: number }> {
  const [r] = (await ds.query(`SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct FROM "${schema}".effects`)) as Array<{ rows: number; distinct: number }>;
  return r;
}

/** Per key, seq values in the order they were applied must be increasing. Returns violations. */
export async function orderingViolations(ds: DataSource, schema: string): Promise<string[]> {
  const rows = (await ds.query(`SELECT key, seq FROM "${schema}".effects ORDER BY row_id`)) as Array<{ key: string; seq: number }>;
  const last = new Map<string, number>();
  const bad: string[] = [];
  for (const r of rows) {
    const prev = last.get(r.key) ?? 0;
    if (r.seq <= prev) bad.push(`${r.key}: ${r.seq} after ${prev}`);
    last.set(r.key, r.seq);
  }
  return bad;
}

/**
 * A TCP proxy in front of Postgres that can cut the database off: `block()`
 * destroys every open connection and refuses new ones until `unblock()`.
 */
export class DbProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private blocked = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      if (this.blocked) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.sockets.add(client);
      this.sockets.add(upstream);
      const close = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  block(): void {
    this.blocked = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  unblock(): void {
    this.blocked = false;
  }

  async stop(): Promise<void> {
    this.block();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function proxiedUrl(port: number): string {
  const u = new URL(DATABASE_URL);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}
