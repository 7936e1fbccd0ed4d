// `hiring erasures reapply` against sourcing running as a process on real
// Kafka and Postgres. The restore is simulated on the one candidate the test
// owns: after a real erasure, its data key, sealed data and erasure row are put
// back from a copy taken before, and a candidate sourced and erased after the
// "backup" is deleted (what restoring a backup does to sourcing's schema).
// Only the command, reading the candidate-erased topic, erases them again.
import { Client } from 'pg';
import { TOPICS } from '@hiring/contracts';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, type TopicProbe } from '@hiring/testing';
import { runHiring } from '../testing/run-hiring';

jest.setTimeout(180_000);

const OPS_TOKEN = 'cli-erasures-int-test-ops-token';
const OPS = { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' };
const signals = { mlTeamSize: 4, mlArchitectureOwned: false, buildsProprietaryModels: true, mlInProduction: true, mlTechDebtGrowing: true, productMlMisaligned: false, aiFirstProduct: true, partTimeMlLeadership: false };
const profile = { targetRole: 'ai-tech-lead', locationTier: 'uk-london', yearsOfExperience: 11, productionSystems: [], architectureDecisions: [], tradeOffOpinions: [], unblockingExamples: [], stakeholderTranslations: [], achievements: [], publications: [], communicationRating: 4, internalCandidate: false, leadershipInterest: true, softSkillEvidence: [] };
const kit = new KafkaTestKit();
const db = new Client({ connectionString: testDatabaseUrl() });
let sourcing: ServiceProcess;
let erased: TopicProbe;
let env: NodeJS.ProcessEnv;

async function call<T>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const res = await fetch(`${sourcing.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function keyRows(candidateId: string): Promise<number> {
  return (await db.query('SELECT 1 FROM sourcing.candidate_data_keys WHERE candidate_id = $1', [candidateId])).rowCount ?? 0;
}

beforeAll(async () => {
  await kit.connect();
  await db.connect();
  sourcing = await ServiceProcess.start({
    app: 'sourcing',
    env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_CONSUMER_GROUP: uniqueName('cli_erasures_it'), KAFKA_CONSUMER_FROM_BEGINNING: 'false', OPS_TOKEN },
  });
  await sourcing.waitUntilReady();
  erased = await kit.probe(TOPICS.candidateErased);
  env = { SOURCING_URL: sourcing.url, OPS_TOKEN, KAFKA_BROKERS: testKafkaBrokers().join(',') };
}, 120_000);

afterAll(async () => {
  await sourcing?.stop('SIGTERM');
  await kit.close();
  await db.end().catch(() => undefined);
});

describe('hiring erasures reapply (sourcing process, real Kafka and Postgres)', () => {
  it('erases again a candidate whose erasure a restore undid, and only once', async () => {
    const created = await call<{ apiKey: { key: string } }>('POST', '/v1/agencies', OPS, { name: uniqueName('agency') });
    const agency = { 'x-api-key': created.apiKey.key, 'content-type': 'application/json' };
    const requisition = await call<{ id: string }>('POST', '/v1/requisitions', OPS, { title: 'AI lead', locationTier: 'uk-london', signals });
    const source = (name: string) =>
      call<{ candidateId: string; submissionId: string }>('POST', '/v1/submissions', agency, {
        externalId: uniqueName('ext'),
        requisitionId: requisition.id,
        candidate: { name, email: `${uniqueName('cand')}@example.com` },
        profile,
      });
    const { candidateId, submissionId } = await source('Rita Restored');

    // The "backup": sourcing's rows for the candidate, as they were before the erasure.
    const backupTime = new Date(Date.now() - 1_000);
    const [key] = (await db.query('SELECT row_to_json(k) AS row FROM sourcing.candidate_data_keys k WHERE candidate_id = $1', [candidateId])).rows as { row: unknown }[];
    const [sealed] = (await db.query('SELECT personal_data FROM sourcing.submissions WHERE id = $1', [submissionId])).rows as { personal_data: unknown }[];
    if (!key || !sealed || sealed.personal_data === null) throw new Error('the candidate has no data key or sealed data to back up');

    const erasing = Date.now();
    await call('POST', `/v1/ops/candidates/${candidateId}/erasure`, OPS, { requestedBy: 'dpo@example.com' });
    const oneCallMs = Date.now() - erasing;
    // Sourced and erased after the backup: the restore takes it away entirely.
    const later = await source('Lou Later');
    await call('POST', `/v1/ops/candidates/${later.candidateId}/erasure`, OPS, { requestedBy: 'dpo@example.com' });
    await erased.waitFor((r) => r.key === candidateId || r.key === later.candidateId, 2, 30_000, 'both candidate-erased events on their topic');
    expect(await keyRows(candidateId)).toBe(0);

    // The "restore": the key, the sealed data and the absence of the erasure row come back.
    await db.query('BEGIN');
    await db.query('DELETE FROM sourcing.erasures WHERE candidate_id = $1', [candidateId]);
    await db.query('INSERT INTO sourcing.candidate_data_keys SELECT * FROM json_populate_record(NULL::sourcing.candidate_data_keys, $1)', [JSON.stringify(key.row)]);
    await db.query('UPDATE sourcing.submissions SET personal_data = $2 WHERE id = $1', [submissionId, sealed.personal_data]);
    await db.query('DELETE FROM sourcing.erasures WHERE candidate_id = $1', [later.candidateId]);
    await db.query('DELETE FROM sourcing.submissions WHERE candidate_id = $1', [later.candidateId]);
    await db.query('DELETE FROM sourcing.candidates WHERE id = $1', [later.candidateId]);
    await db.query('COMMIT');
    expect(await keyRows(candidateId)).toBe(1);

    const started = Date.now();
    const run = await runHiring(['erasures', 'reapply', '--since', backupTime.toISOString(), '--json'], undefined, env);
    const tookMs = Date.now() - started;
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { erasedAgain: string[]; alreadyErased: string[]; unknown: string[]; recordsRead: number };
    expect(report.erasedAgain).toContain(candidateId);
    expect(report.unknown).toContain(later.candidateId);
    expect(run.stderr).toMatch(/erasures re-applied: \d+\/\d+/);
    process.stderr.write(`erasures reapply: ${report.recordsRead} record(s), ${report.erasedAgain.length + report.alreadyErased.length + report.unknown.length} id(s) in ${tookMs} ms (process start included); one erasure call: ${oneCallMs} ms\n`);

    expect(await keyRows(candidateId)).toBe(0);
    const rows = (await db.query('SELECT requested_by FROM sourcing.erasures WHERE candidate_id = $1', [candidateId])).rows as { requested_by: string }[];
    expect(rows).toEqual([{ requested_by: 'restore-reapply' }]);
    const after = (await db.query('SELECT personal_data FROM sourcing.submissions WHERE id = $1', [submissionId])).rows as { personal_data: unknown }[];
    expect(after).toEqual([{ personal_data: null }]);

    // A second run finds it erased: nothing is done twice.
    const again = await runHiring(['erasures', 'reapply', '--since', backupTime.toISOString(), '--requested-by', 'restore-2', '--json'], undefined, env);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as { erasedAgain: string[]; alreadyErased: string[] };
    expect(second.alreadyErased).toContain(candidateId);
    expect(second.erasedAgain).not.toContain(candidateId);
  });

  it('says what is wrong: bad --since or a refused token (exit 2), sourcing or Kafka not answering (exit 4)', async () => {
    const since = new Date(Date.now() - 600_000).toISOString();
    const badSince = await runHiring(['erasures', 'reapply', '--since', 'yesterday'], undefined, env);
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toContain('--since');
    const future = await runHiring(['erasures', 'reapply', '--since', '2999-01-01T00:00:00Z'], undefined, env);
    expect(future.code).toBe(2);
    const refused = await runHiring(['erasures', 'reapply', '--since', since], undefined, { ...env, OPS_TOKEN: 'wrong-token' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refused the ops token');
    const down = await runHiring(['erasures', 'reapply', '--since', since], undefined, { ...env, SOURCING_URL: 'http://127.0.0.1:9' });
    expect(down.code).toBe(4);
    expect(down.stderr).toContain('did not answer');
    const noKafka = await runHiring(['erasures', 'reapply', '--since', since], undefined, { ...env, KAFKA_BROKERS: '127.0.0.1:9' });
    expect(noKafka.code).toBe(4);
    expect(noKafka.stderr).toContain('Kafka');
  });
});
