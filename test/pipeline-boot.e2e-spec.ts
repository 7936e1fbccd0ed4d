// The whole pipeline as built (dist/), each service its own process on the
// real Kafka and Postgres: every one becomes ready and drains on SIGTERM.
import { ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@hiring/testing';

const SERVICES = ['sourcing', 'screening', 'scoring', 'offer', 'monitor'];

describe('pipeline boot', () => {
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.filter((s) => s.running).map((s) => s.stop('SIGKILL')));
  });

  it('starts every service from the build, ready together, and stops them cleanly', async () => {
    for (const app of SERVICES) {
      running.push(
        await ServiceProcess.start({
          app,
          from: 'dist',
          env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(',') },
        }),
      );
    }
    await Promise.all(running.map((s) => s.waitUntilReady(90_000)));

    for (const service of running) {
      const openapi = (await (await fetch(`${service.url}/docs/openapi.json`)).json()) as { info: { title: string } };
      expect(openapi.info.title).toBe(`Hiring pipeline: ${service.app}`);
    }

    const exits = await Promise.all(running.map((s) => s.stop('SIGTERM')));
    expect(exits).toEqual(SERVICES.map(() => ({ code: 0, signal: null })));
  });
});
