// The lifecycle every service must honour, as one reusable suite: boots on a
// bare schema, applies its migrations, turns ready only when Kafka and the
// database answer, and exits 0 on SIGTERM.
import { Client } from 'pg';
import { ServiceProcess } from './service-process';
import { waitFor } from './wait-for';
import { testDatabaseUrl, testKafkaBrokers } from './test-env';

export function describeServiceLifecycle(app: string, schema: string, expectedTables: string[]): void {
  describe(`${app} service lifecycle (real process, Kafka, Postgres)`, () => {
    let service: ServiceProcess | undefined;

    afterEach(async () => {
      if (service?.running) await service.stop('SIGKILL');
    });

    it('applies its migrations, becomes ready, and exits 0 on SIGTERM', async () => {
      service = await ServiceProcess.start({ app, env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(',') } });
      await service.waitUntilReady();

      const ready = (await (await fetch(`${service.url}/health/ready`)).json()) as { details: Record<string, { status: string }> };
      expect(ready.details['database']?.status).toBe('up');
      expect(ready.details['kafka']?.status).toBe('up');

      const db = new Client({ connectionString: testDatabaseUrl() });
      await db.connect();
      try {
        const { rows } = await db.query<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
          [schema],
        );
        const tables = rows.map((r) => r.table_name);
        expect(tables).toEqual(expect.arrayContaining(['migrations', ...expectedTables]));
      } finally {
        await db.end();
      }

      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain(`process_cpu_user_seconds_total{service="${app}"}`);

      const exit = await service.stop('SIGTERM');
      expect(exit).toEqual({ code: 0, signal: null });
      expect(service.logs).toContain('SIGTERM received');
    });

    it('is not ready while Kafka cannot be reached', async () => {
      service = await ServiceProcess.start({
        app,
        env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: '127.0.0.1:1' },
      });
      // Live answers (the process is up) while ready says which dependency is down.
      const res = await fetchWhenListening(service, '/health/ready');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: Record<string, { status: string }> };
      expect(body.error['kafka']?.status).toBe('down');
    });

    it('refuses to start on a bad variable and names it', async () => {
      service = await ServiceProcess.start({ app, env: { KAFKA_BROKERS: 'not a broker list' } });
      const exit = await service.waitForExit();
      expect(exit.code).toBe(78);
      expect(service.logs).toContain('KAFKA_BROKERS="not a broker list"');
    });
  });
}

async function fetchWhenListening(service: ServiceProcess, path: string): Promise<Response> {
  return waitFor(
    async () => {
      if (!service.running) throw new Error(`${service.app} exited:\n${service.logs.slice(-2000)}`);
      return fetch(`${service.url}${path}`);
    },
    { timeoutMs: 60_000, intervalMs: 250, description: `${service.app} answers ${path}` },
  );
}
