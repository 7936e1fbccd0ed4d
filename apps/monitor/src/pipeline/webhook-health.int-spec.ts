// The monitor shows webhook health per agency as sourcing reports it: sourcing
// and the monitor run as processes on the real database; the agency's
// endpoint is a real receiver on loopback that always answers 503, so
// sourcing disables it, and /v1/pipeline (what the page draws) says so.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor } from '@hiring/testing';

jest.setTimeout(120_000);

const OPS_TOKEN = 'monitor-webhook-health-int-token';
const OPS = { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' };
const signals = { mlTeamSize: 4, mlArchitectureOwned: false, buildsProprietaryModels: true, mlInProduction: true, mlTechDebtGrowing: true, productMlMisaligned: false, aiFirstProduct: true, partTimeMlLeadership: false };
const profile = { targetRole: 'ai-tech-lead', locationTier: 'uk-london', yearsOfExperience: 11, productionSystems: [], architectureDecisions: [], tradeOffOpinions: [], unblockingExamples: [], stakeholderTranslations: [], achievements: [], publications: [], communicationRating: 4, internalCandidate: false, leadershipInterest: true, softSkillEvidence: [] };
let receiver: Server;
let sourcing: ServiceProcess;
let monitor: ServiceProcess;

async function call<T>(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(503).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const common = { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), OPS_TOKEN };
  sourcing = await ServiceProcess.start({
    app: 'sourcing',
    env: {
      ...common,
      KAFKA_CONSUMER_GROUP: uniqueName('monitor_webhooks_sourcing'),
      KAFKA_CONSUMER_FROM_BEGINNING: 'false',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_BACKOFF_BASE_MS: '20',
      WEBHOOK_BACKOFF_MAX_MS: '100',
      WEBHOOK_DISABLE_AFTER_FAILURES: '3',
    },
  });
  await sourcing.waitUntilReady();
  monitor = await ServiceProcess.start({
    app: 'monitor',
    env: { ...common, KAFKA_CONSUMER_GROUP: uniqueName('monitor_webhooks'), KAFKA_CONSUMER_FROM_BEGINNING: 'false', SOURCING_URL: sourcing.url, MONITOR_DIRECTORY_CACHE_MS: '1000' },
  });
  await monitor.waitUntilReady();
}, 100_000);

afterAll(async () => {
  await monitor?.stop('SIGTERM');
  await sourcing?.stop('SIGTERM');
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

describe('monitor: webhook health per agency from sourcing (processes, real Postgres, loopback receiver)', () => {
  it('shows the disabled endpoint with its reason and what waits for it', async () => {
    const created = await call<{ agency: { id: string }; apiKey: { key: string } }>(sourcing.url, 'POST', '/v1/agencies', OPS, { name: uniqueName('agency') });
    const agencyId = created.agency.id;
    const agency = { 'x-api-key': created.apiKey.key, 'content-type': 'application/json' };
    const requisition = await call<{ id: string }>(sourcing.url, 'POST', '/v1/requisitions', OPS, { title: 'AI lead', locationTier: 'uk-london', signals });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/down`;
    const { endpoint } = await call<{ endpoint: { id: string } }>(sourcing.url, 'POST', '/v1/webhooks/endpoints', agency, { url, eventTypes: ['submission.status-changed'] });
    await call(sourcing.url, 'POST', '/v1/submissions', agency, { externalId: uniqueName('ext'), requisitionId: requisition.id, candidate: { name: 'Jane Doe', email: `${uniqueName('cand')}@example.com` }, profile });

    const health = await waitFor(
      async () => {
        const s = await call<{ directory: { webhooks: { agencyId: string; disabledEndpoints: number; pending: number; disabled: { endpointId: string; url: string; reason: string }[] }[] } }>(
          monitor.url,
          'GET',
          `/v1/pipeline?agencyId=${agencyId}`,
          OPS,
        );
        const mine = s.directory.webhooks.find((h) => h.agencyId === agencyId);
        return mine && mine.disabledEndpoints === 1 ? mine : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 300, description: "the monitor shows the agency's endpoint disabled" },
    );
    expect(health).toMatchObject({ pending: 1, disabled: [{ endpointId: endpoint.id, url, reason: expect.stringContaining('HTTP 503') }] });
  });
});
