// The migration that seals the personal data sourcing stored in clear before:
// rows are put back into their old shape (clear columns, clear identifier,
// no data key), the migration is run again, and the rows come out sealed.
import { runMigrationsLocked } from '@hiring/platform';
import { uniqueName } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createSourcingTestApp, TEST_KEY_SERVICE_TOKEN, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission } from '../test/submission.fixtures';
import { IdentifierIndex } from './identifier-index';
import { openSubmissionData } from './submission-personal-data';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };
const MIGRATION = 'SealSubmissionPersonalData1796301665673';

describe('sourcing: the backfill migration seals personal data stored in clear', () => {
  let t: SourcingTestApp;
  let http: App;

  beforeAll(async () => {
    t = await createSourcingTestApp();
    http = t.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await t?.app.close();
  });

  const agencyKey = async (): Promise<string> => (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body.apiKey.key;

  it('seals clear rows with the person\'s key (created for a candidate that had none), indexes clear identifiers, drops the clear columns', async () => {
    const requisitionId = (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id;
    const email = `${uniqueName('legacy')}@example.org`;
    const name = uniqueName('Legacy Person');
    const owned = await request(http).post('/v1/submissions').set('x-api-key', await agencyKey()).send(submission(requisitionId, { email, name })).expect(202);
    const dup = await request(http).post('/v1/submissions').set('x-api-key', await agencyKey()).send(submission(requisitionId, { email, name })).expect(202);
    expect(dup.body.status).toBe('duplicate');
    const candidateId = owned.body.candidateId as string;
    const ids = [owned.body.submissionId as string, dup.body.submissionId as string];

    // Back to the old shape: identity and profile in clear, no key, the email itself as the identifier.
    await t.dataSource.query(`ALTER TABLE sourcing.submissions
      ADD COLUMN candidate_name text, ADD COLUMN candidate_email text, ADD COLUMN candidate_phone text,
      ADD COLUMN candidate_profile_url text, ADD COLUMN profile jsonb`);
    await t.dataSource.query(
      `UPDATE sourcing.submissions SET candidate_name = $2, candidate_email = $3, profile = '{"achievements":["clear text"]}', personal_data = NULL, sealed_for = NULL WHERE id = ANY($1::uuid[])`,
      [ids, name, email],
    );
    await t.dataSource.query('DELETE FROM sourcing.candidate_data_keys WHERE candidate_id = $1', [candidateId]);
    const index = t.app.get(IdentifierIndex);
    await t.dataSource.query(`UPDATE sourcing.candidate_identifiers SET value = $2 WHERE kind = 'email' AND value = $1`, [index.value('email', email), email]);
    await t.dataSource.query('DELETE FROM sourcing.migrations WHERE name = $1', [MIGRATION]);

    expect(await runMigrationsLocked(t.dataSource, 'sourcing')).toEqual([MIGRATION]);

    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'sourcing' AND table_name = 'submissions' AND column_name IN ('candidate_name', 'profile')`,
    );
    expect(columns).toEqual([]);
    expect(await t.dataSource.query(`SELECT value FROM sourcing.candidate_identifiers WHERE kind = 'email' AND candidate_id = $1`, [candidateId])).toEqual([
      { value: index.value('email', email) },
    ]);
    const rows: { id: string; sealed_for: string; personal_data: string }[] = await t.dataSource.query(
      'SELECT id, sealed_for, personal_data FROM sourcing.submissions WHERE id = ANY($1::uuid[])',
      [ids],
    );
    expect(rows).toHaveLength(2);
    const found = await request(http).post('/v1/ops/candidate-keys/lookup').set({ Authorization: `Bearer ${TEST_KEY_SERVICE_TOKEN}` }).send({ candidateIds: [candidateId] }).expect(200);
    const key = Buffer.from(found.body.keys[0].dataKey, 'base64');
    for (const r of rows) {
      expect(r.sealed_for).toBe(candidateId);
      expect(r.personal_data).not.toContain(email);
      expect(openSubmissionData(key, candidateId, r.id, r.personal_data)).toEqual({ candidate: { name, email }, profile: { achievements: ['clear text'] } });
    }
    // The service reads the backfilled rows like new ones.
    const shown = await request(http).get(`/v1/ops/submissions/${ids[1]}`).set(OPS).expect(200);
    expect(shown.body.candidate).toEqual({ name, email });
  });
});
