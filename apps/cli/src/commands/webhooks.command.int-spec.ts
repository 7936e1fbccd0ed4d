// `hiring webhooks deliveries|redeliver` against sourcing running as a
// process on the real database, delivering to a real HTTP receiver on
// loopback: the log the command prints is what the receiver saw, and a
// redelivery reaches the receiver again with the same event id.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor } from '@hiring/testing';
import { runHiring } from '../testing/run-hiring';

jest.setTimeout(120_000);

const OPS_TOKEN = 'cli-webhooks-int-test-ops-token';
const OPS = { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' };
const signals = { mlTeamSize: 4, mlArchitectureOwned: false, buildsProprietaryModels: true, mlInProduction: true, mlTechDebtGrowing: true, productMlMisaligned: false, aiFirstProduct: true, partTimeMlLeadership: false };
const seen: { eventId: string }[] = [];
let receiver: Server;
let sourcing: ServiceProcess;
let env: NodeJS.ProcessEnv;
let agencyId: string;

async function call<T>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const res = await fetch(`${sourcing.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ eventId: String(req.headers['hiring-event-id']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sourcing = await ServiceProcess.start({
    app: 'sourcing',
    env: {
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: uniqueName('cli_webhooks_it'),
      KAFKA_CONSUMER_FROM_BEGINNING: 'false',
      OPS_TOKEN,
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '50',
    },
  });
  await sourcing.waitUntilReady();
  env = { SOURCING_URL: sourcing.url, OPS_TOKEN };

  const created = await call<{ agency: { id: string }; apiKey: { key: string } }>('POST', '/v1/agencies', OPS, { name: uniqueName('agency') });
  agencyId = created.agency.id;
  const agency = { 'x-api-key': created.apiKey.key, 'content-type': 'application/json' };
  const requisition = await call<{ id: string }>('POST', '/v1/requisitions', OPS, { title: 'AI lead', locationTier: 'uk-london', signals });
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  await call('POST', '/v1/webhooks/endpoints', agency, { url, eventTypes: ['submission.status-changed'] });
  const profile = { targetRole: 'ai-tech-lead', locationTier: 'uk-london', yearsOfExperience: 11, productionSystems: [], architectureDecisions: [], tradeOffOpinions: [], unblockingExamples: [], stakeholderTranslations: [], achievements: [], publications: [], communicationRating: 4, internalCandidate: false, leadershipInterest: true, softSkillEvidence: [] };
  await call('POST', '/v1/submissions', agency, { externalId: uniqueName('ext'), requisitionId: requisition.id, candidate: { name: 'Jane Doe', email: `${uniqueName('cand')}@example.com` }, profile });
}, 90_000);

afterAll(async () => {
  await sourcing?.stop('SIGTERM');
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

describe('hiring webhooks (sourcing process, real Postgres, loopback receiver)', () => {
  it('lists the delivery attempts of an agency, then redelivers one event', async () => {
    const page = await waitFor(
      async () => {
        const run = await runHiring(['webhooks', 'deliveries', '--agency', agencyId, '--json'], undefined, env);
        expect(run.stderr).toBe('');
        const p = JSON.parse(run.stdout) as { items: { eventId: string; statusCode: number; outcome: string; agencyId: string }[] };
        return p.items.length === 1 ? p : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'one delivery attempt logged' },
    );
    const [attempt] = page.items;
    expect(attempt).toMatchObject({ statusCode: 204, outcome: 'delivered', agencyId });
    expect(seen.map((s) => s.eventId)).toEqual([attempt!.eventId]);

    const text = await runHiring(['webhooks', 'deliveries', '--agency', agencyId], undefined, env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`delivered 204`);
    expect(text.stdout).toContain(attempt!.eventId);

    const redeliver = await runHiring(['webhooks', 'redeliver', '--event', attempt!.eventId], undefined, env);
    expect(redeliver.stdout.trim()).toBe('1 delivery queued again (same event ids, original order)');
    await waitFor(() => seen.length === 2, { timeoutMs: 15_000, description: 'the redelivery at the receiver' });
    expect(seen[1]!.eventId).toBe(attempt!.eventId);
  });

  it('says what is wrong with the input (exit 2) and when sourcing does not answer (exit 4)', async () => {
    const nothing = await runHiring(['webhooks', 'redeliver'], undefined, env);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('--event');
    const badEvent = await runHiring(['webhooks', 'redeliver', '--event', 'not-a-uuid'], undefined, env);
    expect(badEvent.code).toBe(2);
    expect(badEvent.stderr).toContain('eventId');
    const down = await runHiring(['webhooks', 'deliveries'], undefined, { SOURCING_URL: 'http://127.0.0.1:9', OPS_TOKEN });
    expect(down.code).toBe(4);
  });
});
