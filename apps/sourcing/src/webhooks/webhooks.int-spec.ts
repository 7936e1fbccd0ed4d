// Webhooks end to end inside sourcing: real Postgres, the real dispatcher and
// a real HTTP receiver on loopback that fails, times out and recovers.
// Backoff is shortened through configuration; every wait is a condition with
// a deadline.
import { verifyWebhookSignature } from '@hiring/contracts';
import { PUBLIC_RULE_EXPLANATIONS } from '@hiring/domain';
import { uniqueName, waitFor } from '@hiring/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { RecordPipelineProgressService, type StageReached } from '../progress/record-pipeline-progress.service';
import { SubmissionRepository } from '../submissions/submission.repository';
import { createSourcingTestApp, TEST_OPS_TOKEN, type SourcingTestApp } from '../test/sourcing-test-app';
import { AI_LEAD_SIGNALS, submission } from '../test/submission.fixtures';
import { WebhookReceiver, type ReceivedRequest } from '../test/webhook-receiver';

const OPS = { Authorization: `Bearer ${TEST_OPS_TOKEN}` };
const DISABLE_AFTER = 6;
const ENV = {
  WEBHOOK_DISPATCHER_ENABLED: 'true',
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  WEBHOOK_POLL_INTERVAL_MS: '20',
  WEBHOOK_BACKOFF_BASE_MS: '20',
  WEBHOOK_BACKOFF_MAX_MS: '200',
  // Long enough that a loaded machine does not turn a slow 200 into a timeout (the log must match the receiver).
  WEBHOOK_TIMEOUT_MS: '1500',
  WEBHOOK_RETRY_WINDOW_MS: '60000',
  WEBHOOK_DISABLE_AFTER_FAILURES: String(DISABLE_AFTER),
};
const ALL_TYPES = ['submission.status-changed', 'submission.duplicate', 'submission.rejected', 'submission.scored', 'submission.dead-lettered'];
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Agency {
  id: string;
  key: string;
}

interface Body {
  id: string;
  type: string;
  agencyId: string;
  data: { submissionId?: string; status?: string; reasons?: unknown; score?: number };
}

const parse = (r: ReceivedRequest) => JSON.parse(r.body) as Body;
const eventIdOf = (r: ReceivedRequest) => String(r.headers['hiring-event-id']);

describe('sourcing webhooks: signed, retried, in order, logged (real Postgres, real HTTP receiver)', () => {
  let t: SourcingTestApp;
  let http: App;
  let requisitionId: string;
  const receiver = new WebhookReceiver();

  const createAgency = async (): Promise<Agency> => {
    const body = (await request(http).post('/v1/agencies').set(OPS).send({ name: uniqueName('agency') }).expect(201)).body;
    return { id: body.agency.id, key: body.apiKey.key };
  };
  const register = async (agency: Agency, path: string, eventTypes = ALL_TYPES) =>
    (await request(http).post('/v1/webhooks/endpoints').set('x-api-key', agency.key).send({ url: receiver.url(path), eventTypes }).expect(201)).body as {
      endpoint: { id: string };
      secret: string;
    };
  const submit = async (agency: Agency) =>
    (await request(http).post('/v1/submissions').set('x-api-key', agency.key).send(submission(requisitionId)).expect(202)).body as { submissionId: string; candidateId: string };
  const record = (reached: StageReached[]) =>
    t.app.get(SubmissionRepository).transaction((tx) => t.app.get(RecordPipelineProgressService).execute(tx, reached));
  const rows = (endpointId: string) =>
    t.dataSource.query(
      `SELECT event_id, submission_id, event_type, status, body, erased FROM sourcing.webhook_events WHERE endpoint_id = $1 ORDER BY seq`,
      [endpointId],
    ) as Promise<{ event_id: string; submission_id: string | null; event_type: string; status: string; body: string; erased: boolean }[]>;
  const allDelivered = async (endpointId: string, expected: number) => {
    const r = await rows(endpointId);
    return r.length === expected && r.every((x) => x.status === 'delivered') ? r : undefined;
  };
  const deliveryLog = async (agency: Agency) => {
    const items: { eventId: string; statusCode: number | null; outcome: string; agencyId: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof items; nextCursor: string | null } = (
        await request(http)
          .get('/v1/webhooks/deliveries')
          .query({ limit: 3, ...(cursor ? { cursor } : {}) })
          .set('x-api-key', agency.key)
          .expect(200)
      ).body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    await receiver.start();
    t = await createSourcingTestApp(ENV);
    http = t.app.getHttpServer() as App;
    requisitionId = (await request(http).post('/v1/requisitions').set(OPS).send({ title: 'AI lead', locationTier: 'uk-london', signals: AI_LEAD_SIGNALS }).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.app.close();
    await receiver.stop();
  });

  describe('an endpoint that fails, times out and recovers', () => {
    let a: Agency;
    let b: Agency;
    let endpointA: { endpoint: { id: string }; secret: string };
    let endpointB: { endpoint: { id: string }; secret: string };
    const subsA: { submissionId: string; candidateId: string }[] = [];
    const subsB: string[] = [];

    beforeAll(async () => {
      // 503, a timeout, 429 with Retry-After, 500: then the receiver is back (4 failures, fewer than DISABLE_AFTER).
      receiver.script('/a', (n) => [{ status: 503 }, { hangMs: 6000 }, { status: 429, retryAfter: '0' }, { status: 500 }][n] ?? { status: 200 });
      a = await createAgency();
      b = await createAgency();
      endpointA = await register(a, '/a');
      endpointB = await register(b, '/b');
      for (let i = 0; i < 3; i++) subsA.push(await submit(a));
      subsB.push((await submit(b)).submissionId);
      const s1 = subsA[0]!;
      const s2 = subsA[1]!;
      await record([
        { target: { submissionId: s1.submissionId }, stage: { kind: 'screened', decision: 'advance' }, at: new Date(), reason: 'advance' },
        { target: { submissionId: s1.submissionId }, stage: { kind: 'scored', decision: 'advance', score: 82 }, at: new Date(), reason: 'score 82' },
        {
          target: { submissionId: s2.submissionId },
          stage: { kind: 'screened', decision: 'reject' },
          at: new Date(),
          reason: 'reject',
          rules: [
            { ruleId: 'flag.solo-framing', group: 'red-flag', met: true },
            { ruleId: 'tech.code-review', group: 'technical', met: false },
            { ruleId: 'lead.unblocking', group: 'leadership', met: true },
          ],
        },
      ]);
    });

    // 3 sourced + 2 for s1's screening + 2 for its score (status, scored) + 2 for s2's rejection (status, rejected)
    const EXPECTED_A = 3 + 1 + 2 + 2;

    it('delivers every event at least once, and the stored state says delivered', async () => {
      const delivered = await waitFor(() => allDelivered(endpointA.endpoint.id, EXPECTED_A), { timeoutMs: 20_000, description: `all ${EXPECTED_A} deliveries to /a delivered` });
      const ok = new Set(receiver.at('/a').filter((r) => r.answered === 200).map(eventIdOf));
      for (const row of delivered) expect(ok.has(row.event_id)).toBe(true);
      // The receiver did fail, time out and throttle on the way.
      expect(receiver.at('/a').map((r) => r.answered).slice(0, 4)).toEqual([503, 'timeout', 429, 500]);
    });

    it('keeps order per submission: a later event is not even tried before the earlier one is delivered', async () => {
      const stored = await rows(endpointA.endpoint.id);
      const received = receiver.at('/a');
      for (const { submissionId } of subsA) {
        const sequence = stored.filter((r) => r.submission_id === submissionId).map((r) => r.event_id);
        for (let k = 1; k < sequence.length; k++) {
          const earlierDelivered = received.findIndex((r) => eventIdOf(r) === sequence[k - 1] && r.answered === 200);
          const laterFirstTried = received.findIndex((r) => eventIdOf(r) === sequence[k]);
          expect(earlierDelivered).toBeGreaterThanOrEqual(0);
          expect(laterFirstTried).toBeGreaterThan(earlierDelivered);
        }
      }
    });

    it('signs every delivery so that it verifies with the endpoint secret, and with no other', () => {
      for (const r of receiver.at('/a')) {
        expect(verifyWebhookSignature(r.headers['hiring-signature'] as string, r.body, endpointA.secret, nowSeconds(), 600)).toEqual({ ok: true });
        expect(verifyWebhookSignature(r.headers['hiring-signature'] as string, r.body, endpointB.secret, nowSeconds(), 600).ok).toBe(false);
        expect(parse(r).id).toBe(eventIdOf(r));
      }
    });

    it('sends nothing to the wrong agency and no identity at all', async () => {
      await waitFor(() => allDelivered(endpointB.endpoint.id, 1), { timeoutMs: 10_000, description: 'the delivery to /b' });
      const ownA = new Set(subsA.map((s) => s.submissionId));
      for (const r of receiver.at('/a')) {
        expect(parse(r).agencyId).toBe(a.id);
        expect(ownA.has(parse(r).data.submissionId ?? '')).toBe(true);
      }
      for (const r of receiver.at('/b')) {
        expect(parse(r).agencyId).toBe(b.id);
        expect(subsB).toContain(parse(r).data.submissionId);
      }
      for (const r of receiver.received) {
        expect(r.body).not.toContain('Jane Doe');
        expect(r.body).not.toContain('@example.com');
        expect(r.body).not.toContain('candidateId');
      }
    });

    it('tells the score and decision, and a rejection with only the public reasons', () => {
      const bodies = receiver.at('/a').filter((r) => r.answered === 200).map(parse);
      expect(bodies.find((x) => x.type === 'submission.scored')?.data).toMatchObject({ submissionId: subsA[0]!.submissionId, score: 82, decision: 'advance' });
      expect(bodies.find((x) => x.type === 'submission.rejected')?.data).toMatchObject({
        submissionId: subsA[1]!.submissionId,
        stage: 'screening',
        reasons: [
          { ruleId: 'tech.code-review', explanation: PUBLIC_RULE_EXPLANATIONS['tech.code-review'] },
          { ruleId: 'flag.solo-framing', explanation: PUBLIC_RULE_EXPLANATIONS['flag.solo-framing'] },
        ],
      });
    });

    it('logs every attempt exactly as the receiver saw it, to the agency only', async () => {
      const log = await deliveryLog(a);
      const logged = log.map((l) => `${l.eventId}:${l.statusCode ?? 'timeout'}`).sort();
      const seen = receiver.at('/a').map((r) => `${eventIdOf(r)}:${r.answered}`).sort();
      expect(logged).toEqual(seen);
      expect(log.every((l) => l.agencyId === a.id)).toBe(true);
      expect(log.filter((l) => l.outcome === 'retry')).toHaveLength(4);
      const logB = await deliveryLog(b);
      expect(logB.map((l) => l.agencyId)).toEqual([b.id]);
    });

    it('another agency can neither see, change nor redeliver these webhooks', async () => {
      await request(http).get(`/v1/webhooks/endpoints/${endpointA.endpoint.id}`).set('x-api-key', b.key).expect(404);
      await request(http).post(`/v1/webhooks/endpoints/${endpointA.endpoint.id}/secret/rotate`).set('x-api-key', b.key).send({}).expect(404);
      await request(http).delete(`/v1/webhooks/endpoints/${endpointA.endpoint.id}`).set('x-api-key', b.key).expect(404);
      const list = (await request(http).get('/v1/webhooks/endpoints').set('x-api-key', b.key).expect(200)).body as { id: string }[];
      expect(list.map((e) => e.id)).toEqual([endpointB.endpoint.id]);
      const someEventOfA = (await rows(endpointA.endpoint.id))[0]!.event_id;
      expect((await request(http).post('/v1/webhooks/redeliver').set('x-api-key', b.key).send({ eventId: someEventOfA }).expect(202)).body).toEqual({ queued: 0 });
      const filtered = (await request(http).get('/v1/webhooks/deliveries').query({ eventId: someEventOfA }).set('x-api-key', b.key).expect(200)).body;
      expect(filtered.items).toEqual([]);
    });

    it('redelivers one event with the same event id (ops), and a time range', async () => {
      const first = (await rows(endpointA.endpoint.id))[0]!.event_id;
      const okCount = () => receiver.at('/a').filter((r) => eventIdOf(r) === first && r.answered === 200).length;
      const before = okCount();
      expect((await request(http).post('/v1/ops/webhooks/redeliver').set(OPS).send({ eventId: first }).expect(202)).body).toEqual({ queued: 1 });
      await waitFor(() => okCount() === before + 1, { timeoutMs: 10_000, description: 'the redelivered event at /a' });

      const received = receiver.at('/b').length;
      const range = (await request(http).post('/v1/ops/webhooks/redeliver').set(OPS).send({ agencyId: b.id, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 1000).toISOString() }).expect(202)).body;
      expect(range).toEqual({ queued: 1 });
      await waitFor(() => receiver.at('/b').length === received + 1, { timeoutMs: 10_000, description: 'the redelivered range at /b' });
    });

    it('signs with both secrets during a rotation, and with the new one alone after the grace period', async () => {
      const rotated = (await request(http).post(`/v1/webhooks/endpoints/${endpointA.endpoint.id}/secret/rotate`).set('x-api-key', a.key).send({ graceSeconds: 3600 }).expect(200)).body;
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.endpoint.previousSecretValidUntil).not.toBeNull();
      const s1 = subsA[0]!;
      const count = receiver.at('/a').length;
      await record([{ target: { candidateId: s1.candidateId }, stage: { kind: 'offer-decided', decision: 'refused' }, at: new Date(), reason: 'refused' }]);
      const during = await waitFor(() => receiver.at('/a').slice(count).find((r) => parse(r).data.status === 'offer-refused'), { timeoutMs: 10_000, description: 'the offer-refused webhook' });
      const header = during.headers['hiring-signature'] as string;
      expect(header.match(/v1=/g)).toHaveLength(2);
      expect(verifyWebhookSignature(header, during.body, endpointA.secret, nowSeconds()).ok).toBe(true);
      expect(verifyWebhookSignature(header, during.body, rotated.secret, nowSeconds()).ok).toBe(true);

      const third = (await request(http).post(`/v1/webhooks/endpoints/${endpointA.endpoint.id}/secret/rotate`).set('x-api-key', a.key).send({ graceSeconds: 0 }).expect(200)).body;
      await record([{ target: { candidateId: s1.candidateId }, stage: { kind: 'offer-decided', decision: 'approved' }, at: new Date(), reason: 'approved' }]);
      const after = await waitFor(() => receiver.at('/a').find((r) => parse(r).data.status === 'offer-approved'), { timeoutMs: 10_000, description: 'the offer-approved webhook' });
      const afterHeader = after.headers['hiring-signature'] as string;
      expect(afterHeader.match(/v1=/g)).toHaveLength(1);
      expect(verifyWebhookSignature(afterHeader, after.body, third.secret, nowSeconds()).ok).toBe(true);
      expect(verifyWebhookSignature(afterHeader, after.body, rotated.secret, nowSeconds()).ok).toBe(false);
    });
  });

  it('never retries a 400', async () => {
    receiver.script('/c', () => ({ status: 400 }));
    const c = await createAgency();
    const { endpoint } = await register(c, '/c', ['submission.status-changed']);
    await submit(c);
    await waitFor(async () => (await rows(endpoint.id))[0]?.status === 'failed', { timeoutMs: 10_000, description: 'the 400 delivery marked failed' });
    expect(receiver.at('/c')).toHaveLength(1);
    const log = await deliveryLog(c);
    expect(log.map((l) => [l.statusCode, l.outcome])).toEqual([[400, 'refused']]);
  });

  it('disables an endpoint after repeated failures, shows it to ops, keeps what waits and delivers it in order once enabled', async () => {
    let down = true;
    receiver.script('/d', () => (down ? { status: 503 } : { status: 200 }));
    const d = await createAgency();
    const { endpoint } = await register(d, '/d', ['submission.status-changed']);
    const subs = [await submit(d), await submit(d)];
    await record(subs.map((s) => ({ target: { submissionId: s.submissionId }, stage: { kind: 'screened' as const, decision: 'advance' as const }, at: new Date(), reason: 'advance' })));

    const disabled = await waitFor(
      async () => {
        const e = (await request(http).get(`/v1/webhooks/endpoints/${endpoint.id}`).set('x-api-key', d.key).expect(200)).body;
        return e.status === 'disabled' ? e : undefined;
      },
      { timeoutMs: 15_000, description: 'endpoint /d disabled' },
    );
    expect(disabled.consecutiveFailures).toBeGreaterThanOrEqual(DISABLE_AFTER);
    expect(disabled.disabledReason).toContain('HTTP 503');
    expect((await rows(endpoint.id)).every((r) => r.status === 'pending')).toBe(true);

    const metrics = (await request(http).get('/metrics').expect(200)).text;
    expect(Number(/^sourcing_webhook_endpoints_disabled(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    const health = (await request(http).get('/v1/ops/webhooks/health').set(OPS).expect(200)).body as { agencyId: string; disabledEndpoints: number; pending: number; disabled: { endpointId: string }[] }[];
    const mine = health.find((h) => h.agencyId === d.id);
    expect(mine).toMatchObject({ disabledEndpoints: 1, pending: 4 });
    expect(mine?.disabled.map((x) => x.endpointId)).toEqual([endpoint.id]);
    const attemptsWhileDisabled = receiver.at('/d').length;

    down = false;
    await request(http).post(`/v1/webhooks/endpoints/${endpoint.id}/enable`).set('x-api-key', d.key).expect(200);
    const delivered = await waitFor(() => allDelivered(endpoint.id, 4), { timeoutMs: 10_000, description: 'the waiting deliveries to /d' });
    const okOrder = receiver.at('/d').slice(attemptsWhileDisabled).filter((r) => r.answered === 200).map(eventIdOf);
    for (const s of subs) {
      const expected = delivered.filter((r) => r.submission_id === s.submissionId).map((r) => r.event_id);
      expect(okOrder.filter((id) => expected.includes(id))).toEqual(expected);
    }
  });

  it('after an erasure nothing about the person is queued, sent or redeliverable', async () => {
    receiver.script('/e', () => ({ status: 503 }));
    const e = await createAgency();
    const { endpoint } = await register(e, '/e', ['submission.status-changed', 'submission.scored']);
    const s = await submit(e);
    await waitFor(() => receiver.at('/e').length > 0, { timeoutMs: 10_000, description: 'a first attempt at /e' });
    await request(http).post(`/v1/ops/candidates/${s.candidateId}/erasure`).set(OPS).send({ requestedBy: 'dpo@example.com' }).expect(200);

    const erased = await rows(endpoint.id);
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ status: 'cancelled', body: '{}', erased: true });
    // A stage that arrives after the erasure queues nothing.
    await record([{ target: { submissionId: s.submissionId }, stage: { kind: 'scored', decision: 'advance', score: 70 }, at: new Date(), reason: 'late score' }]);
    expect(await rows(endpoint.id)).toHaveLength(1);
    expect((await request(http).post('/v1/ops/webhooks/redeliver').set(OPS).send({ eventId: erased[0]!.event_id }).expect(202)).body).toEqual({ queued: 0 });
  });

  it('refuses a URL that is not http(s) and an unknown event type', async () => {
    const f = await createAgency();
    const bad = await request(http).post('/v1/webhooks/endpoints').set('x-api-key', f.key).send({ url: 'ftp://example.com/x', eventTypes: ['submission.scored'] }).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'url', message: 'must use https (or http)' }]);
    await request(http).post('/v1/webhooks/endpoints').set('x-api-key', f.key).send({ url: 'https://example.com/x', eventTypes: ['submission.hired'] }).expect(400);
  });
});
