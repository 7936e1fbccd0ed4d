// `hiring rescreen` against a real screening process (real Kafka + Postgres),
// with sourcing running as the key store the stored profiles are opened with.
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName } from '@hiring/testing';
import { TOPICS } from '@hiring/contracts';
import { parseJson, runHiring } from '../testing/run-hiring';

const OPS_TOKEN = 'cli-rescreen-int-spec-token';

describe('hiring rescreen (real screening service)', () => {
  let screening: ServiceProcess;
  let sourcing: ServiceProcess;
  const kit = new KafkaTestKit();

  beforeAll(async () => {
    const group = uniqueName('cli-rescreen');
    await kit.connect();
    await kit.startGroupAtEnd(group, [TOPICS.candidateSourced, TOPICS.candidateErased, TOPICS.interviewFeedback]);
    sourcing = await ServiceProcess.start({
      app: 'sourcing',
      env: {
        OPS_TOKEN,
        KAFKA_CONSUMER_GROUP: uniqueName('cli-rescreen-sourcing'),
        KAFKA_CONSUMER_FROM_BEGINNING: 'false',
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
      },
    });
    await sourcing.waitUntilReady();
    screening = await ServiceProcess.start({
      app: 'screening',
      env: { OPS_TOKEN, KAFKA_CONSUMER_GROUP: group, DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), SOURCING_URL: sourcing.url },
    });
    await screening.waitUntilReady();
  }, 120_000);

  afterAll(async () => {
    await screening?.stop();
    await sourcing?.stop();
    await kit.close();
  });

  it('a dry run reports over the stored candidates and writes nothing', async () => {
    const run = await runHiring(['rescreen', '--dry-run', '--json'], undefined, { SCREENING_URL: screening.url, OPS_TOKEN });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = parseJson(run);
    expect(report).toMatchObject({ dryRun: true, stored: 0, published: 0 });
    expect(typeof report['total']).toBe('number');
  });

  it('an unknown rubric version is bad input (exit 2) naming it', async () => {
    const run = await runHiring(['rescreen', '--dry-run', '--rubric-version', '1999-01'], undefined, { SCREENING_URL: screening.url, OPS_TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/1999-01/);
  });

  it('a wrong ops token is exit 2 and says which variable to set', async () => {
    const run = await runHiring(['rescreen', '--dry-run'], undefined, { SCREENING_URL: screening.url, OPS_TOKEN: 'not-the-token-of-this-service' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OPS_TOKEN/);
  });

  it('a screening service that is not there is exit 4', async () => {
    const run = await runHiring(['rescreen', '--dry-run', '--timeout', '5'], undefined, { SCREENING_URL: 'http://127.0.0.1:1', OPS_TOKEN });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/did not answer at http:\/\/127\.0\.0\.1:1/);
  });
});
