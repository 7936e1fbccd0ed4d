// `hiring outbox parked|replay` against scoring running as a process on real
// Kafka and Postgres: scoring's own relay parks an event its topic refuses as
// too large, the command lists it (without its value), a replay before the
// limit is raised gets it parked again under a new id, and after the limit is
// raised `--all` puts it back and the relay publishes it.
import { ConfigResourceTypes } from 'kafkajs';
import { Client } from 'pg';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor, type TopicProbe } from '@hiring/testing';
import { parseJson, runHiring } from '../testing/run-hiring';

jest.setTimeout(180_000);

const OPS_TOKEN = 'cli-outbox-int-test-ops-token';
const TOPIC_LIMIT = 16 * 1024;
const kit = new KafkaTestKit();
const db = new Client({ connectionString: testDatabaseUrl() });
const topic = uniqueName('it.outbox-parked');
const key = uniqueName('parked-key');
/** A value marker that must never reach the command's output. */
const SECRET = `personal-${uniqueName('data')}`;
const value = JSON.stringify({ secret: SECRET, padding: 'x'.repeat(24 * 1024) });
let scoring: ServiceProcess;
let probe: TopicProbe;
let env: NodeJS.ProcessEnv;

interface Listed {
  schema: string;
  total: number;
  rows: Array<Record<string, unknown> & { id: string; key: string | null }>;
}

async function parkedRowOf(k: string): Promise<{ id: string } | undefined> {
  const rows = (await db.query('SELECT id::text AS id FROM scoring.outbox_parked WHERE key = $1', [k])).rows as Array<{ id: string }>;
  return rows[0];
}

async function setTopicLimit(bytes: number): Promise<void> {
  await kit.admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: 'max.message.bytes', value: String(bytes) }] }] });
  await waitFor(
    async () => {
      const described = await kit.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['max.message.bytes'] }] });
      return described.resources[0]?.configEntries.find((e) => e.configName === 'max.message.bytes')?.configValue === String(bytes);
    },
    { timeoutMs: 15_000, description: `${topic} max.message.bytes = ${bytes}` },
  );
}

beforeAll(async () => {
  await kit.connect();
  await db.connect();
  await kit.admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: String(TOPIC_LIMIT) }] }] });
  scoring = await ServiceProcess.start({
    app: 'scoring',
    env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_CONSUMER_GROUP: uniqueName('cli_outbox_it'), KAFKA_CONSUMER_FROM_BEGINNING: 'false', OPS_TOKEN },
  });
  await scoring.waitUntilReady();
  probe = await kit.probe(topic);
  env = { SCORING_URL: scoring.url, OPS_TOKEN };
}, 120_000);

afterAll(async () => {
  await scoring?.stop('SIGTERM');
  await db.query('DELETE FROM scoring.outbox_parked WHERE key = $1', [key]).catch(() => undefined);
  await kit.admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await kit.close();
  await db.end().catch(() => undefined);
});

describe('hiring outbox (scoring process, real Kafka and Postgres)', () => {
  it('lists an event the relay parked, parks it again while the topic is too small, publishes it once the limit is raised', async () => {
    // What a service's use case does: the event enters the outbox; scoring's relay sends it and Kafka refuses it.
    await db.query(`INSERT INTO scoring.outbox (topic, key, value, headers) VALUES ($1, $2, convert_to($3, 'UTF8'), '{}'::jsonb)`, [topic, key, value]);
    const first = await waitFor(() => parkedRowOf(key), { timeoutMs: 30_000, description: 'scoring relay parks the too large event' });

    const listed = await runHiring(['outbox', 'parked', 'scoring', '--json'], undefined, env);
    expect(listed.code).toBe(0);
    const list = parseJson(listed) as unknown as Listed;
    expect(list.schema).toBe('scoring');
    const row = list.rows.find((r) => r.key === key);
    expect(row).toMatchObject({ id: first.id, topic, bytes: expect.any(Number) as number, reason: expect.stringContaining('MESSAGE_TOO_LARGE') as string });
    expect(Object.keys(row ?? {}).sort()).toEqual(['bytes', 'id', 'key', 'parkedAt', 'reason', 'topic']);
    const text = await runHiring(['outbox', 'parked', 'scoring', '--limit', '1000'], undefined, env);
    expect(text.stdout).toContain(`  ${first.id}  `);
    expect(text.stdout).toContain(`hiring outbox replay scoring <id>`);
    expect(`${listed.stdout}${text.stdout}`).not.toContain(SECRET);
    const overview = await runHiring(['outbox', 'parked'], undefined, { ...env, SOURCING_URL: 'http://127.0.0.1:9', SCREENING_URL: 'http://127.0.0.1:9', OFFER_URL: 'http://127.0.0.1:9', MONITOR_URL: 'http://127.0.0.1:9' });
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^scoring +[1-9][0-9]*$/m);
    expect(overview.stdout).toMatch(/^sourcing +not answering/m);

    // Replayed before the limit is raised: refused again, parked again under a new id.
    const early = await runHiring(['outbox', 'replay', 'scoring', first.id], undefined, env);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('replayed 1 parked event(s) of scoring.outbox_parked into scoring.outbox');
    expect(early.stdout).toContain('parked again under a new id');
    const again = await waitFor(async () => {
      const r = await parkedRowOf(key);
      return r && r.id !== first.id ? r : undefined;
    }, { timeoutMs: 30_000, description: 'the replayed event parked again under a new id' });
    expect(BigInt(again.id)).toBeGreaterThan(BigInt(first.id));

    // The old id is gone: a clear refusal, nothing replayed.
    const gone = await runHiring(['outbox', 'replay', 'scoring', first.id], undefined, env);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`no parked event ${first.id} in scoring.outbox_parked`);
    const unknownService = await runHiring(['outbox', 'replay', 'billing', '--all'], undefined, env);
    expect(unknownService.code).toBe(2);
    expect(unknownService.stderr).toContain('unknown service "billing"');

    await setTopicLimit(1024 * 1024);
    const all = await runHiring(['outbox', 'replay', 'scoring', '--all', '--json'], undefined, env);
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(/replayed \d+\/\d+ parked event\(s\) of scoring/);
    expect((parseJson(all) as { replayed: Array<{ id: string }> }).replayed.map((r) => r.id)).toContain(again.id);
    const [published] = await probe.waitFor((r) => r.key === key, 1, 30_000, 'the replayed event on its topic');
    expect(published?.value?.toString('utf8')).toBe(value);
    expect(await parkedRowOf(key)).toBeUndefined();
  });
});
