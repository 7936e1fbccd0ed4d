// Sample data for a local pipeline (`npm start` runs it through
// deploy/local/seed.sh; by hand: node -r @swc-node/register tools/seed-sample-data.ts).
//
// Talks to the running services like real clients would: ops HTTP for agencies
// and requisitions, agency HTTP (single and bulk) and signed Kafka events for
// submissions (examples/seed/samples.json). Idempotent: agencies and
// requisitions are found by name/title before being created, and every sample
// has a stable externalId ("seed-<key>"), so a second run replays instead of
// duplicating. An agency that already exists gets its API key and Kafka signing
// secret ROTATED (the services never show them again, and the seeder needs
// usable ones): a key you copied from an earlier run stops working.
//
// Environment: SOURCING_PORT (3001), SCORING_PORT (3003), OFFER_PORT (3004),
// SEED_HOST (127.0.0.1), OPS_TOKEN (local-ops-token-change-me), KAFKA_BROKERS
// (127.0.0.1:9092), SOURCING_CONSUMER_GROUP (sourcing), SEED_WAIT_SECONDS (45),
// SEED_SAMPLES (examples/seed/samples.json). Exit 1 with a message naming the
// URL or variable when something is unreachable or invalid.
import { resolve } from 'node:path';
import type { SubmissionEvent } from '@hiring/contracts';
import { forgedSecret, SubmissionProducer, type SentSubmission } from './seed/kafka-submissions';
import { loadSampleData, profileFor, type SampleCandidate, type SampleData } from './seed/sample-data';
import { loadSeedConfig, SeedError, type SeedConfig } from './seed/seed-config';
import { ServiceClient } from './seed/service-client';

const REPO_ROOT = resolve(__dirname, '..');
/** Statuses after which a submission does not move without a human (an offer is proposed by hand). */
const SETTLED_STATUSES = new Set(['duplicate', 'scored', 'rejected', 'erased', 'withdrawn']);
const isSettled = (status: string) => SETTLED_STATUSES.has(status) || status.startsWith('offer-');
/** Stop waiting early when nothing has changed for this long. */
const QUIET_MS = 10_000;
const POLL_MS = 2_000;

interface Agency {
  key: string;
  id: string;
  name: string;
  apiKey: string;
  signingSecret: string;
  action: 'created' | 'rotated';
}

interface Requisition {
  key: string;
  id: string;
  title: string;
  targetRole: string;
  locationTier: string;
  action: 'created' | 'reused';
}

interface Outcome {
  sample: SampleCandidate;
  externalId: string;
  submissionId?: string;
  candidateId?: string;
  status: string;
  replayed?: boolean;
  detail?: string;
  score?: number;
}

const log = (message: string) => process.stdout.write(`[seed] ${message}\n`);

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

class Seeder {
  private readonly sourcing: ServiceClient;
  private readonly scoring: ServiceClient;
  private readonly offer: ServiceClient;
  private readonly ops: Record<string, string>;
  readonly agencies = new Map<string, Agency>();
  readonly requisitions = new Map<string, Requisition>();
  readonly outcomes: Outcome[] = [];
  private kafka?: SubmissionProducer;

  constructor(
    private readonly config: SeedConfig,
    private readonly data: SampleData,
  ) {
    this.sourcing = new ServiceClient('sourcing', config.sourcingUrl, 'SOURCING_PORT');
    this.scoring = new ServiceClient('scoring', config.scoringUrl, 'SCORING_PORT');
    this.offer = new ServiceClient('offer', config.offerUrl, 'OFFER_PORT');
    this.ops = { authorization: `Bearer ${config.opsToken}` };
  }

  async preflight(): Promise<void> {
    for (const client of [this.sourcing, this.offer]) await client.request('GET', '/health/live');
    const auth = await this.sourcing.request('GET', '/v1/agencies', { headers: this.ops, expected: [200, 401, 403] });
    if (auth.status !== 200) throw new SeedError(`sourcing at ${this.config.sourcingUrl} refused OPS_TOKEN (${auth.status}); set OPS_TOKEN to the services' token`);
    if (this.data.samples.some((s) => s.channel === 'kafka' || s.channel === 'kafka-forged')) this.kafka = await SubmissionProducer.connect(this.config.kafkaBrokers);
  }

  async close(): Promise<void> {
    await this.kafka?.close();
  }

  async ensureAgencies(): Promise<void> {
    const existing = (await this.sourcing.request<Array<{ id: string; name: string }>>('GET', '/v1/agencies', { headers: this.ops })).body;
    for (const sample of this.data.agencies) {
      const found = existing.find((a) => a.name === sample.name);
      if (found) {
        const key = await this.sourcing.request<{ key: string }>('POST', `/v1/agencies/${found.id}/api-keys/rotate`, { headers: this.ops });
        const secret = await this.sourcing.request<{ signingSecret: string }>('POST', `/v1/agencies/${found.id}/signing-secret/rotate`, { headers: this.ops });
        this.agencies.set(sample.key, { key: sample.key, id: found.id, name: found.name, apiKey: key.body.key, signingSecret: secret.body.signingSecret, action: 'rotated' });
      } else {
        const created = await this.sourcing.request<{ agency: { id: string; name: string }; apiKey: { key: string }; signingSecret: string }>('POST', '/v1/agencies', {
          headers: this.ops,
          body: { name: sample.name },
        });
        const b = created.body;
        this.agencies.set(sample.key, { key: sample.key, id: b.agency.id, name: b.agency.name, apiKey: b.apiKey.key, signingSecret: b.signingSecret, action: 'created' });
      }
      const a = this.agencies.get(sample.key);
      log(`agency ${sample.name}: ${a?.action === 'created' ? 'created' : 'exists, API key and signing secret rotated'} (${a?.id})`);
    }
  }

  async ensureRequisitions(): Promise<void> {
    type Req = { id: string; title: string; targetRole: string; locationTier: string };
    const open = (await this.sourcing.request<Req[]>('GET', '/v1/requisitions?status=open', { headers: this.ops })).body;
    for (const sample of this.data.requisitions) {
      let req = open.find((r) => r.title === sample.title);
      let action: Requisition['action'] = 'reused';
      if (!req) {
        req = (await this.sourcing.request<Req>('POST', '/v1/requisitions', {
          headers: this.ops,
          body: { title: sample.title, locationTier: sample.locationTier, signals: sample.signals },
        })).body;
        action = 'created';
      }
      if (req.targetRole !== sample.expectedRole) {
        log(`WARN requisition "${sample.title}": the role advisor chose ${req.targetRole}, the sample expected ${sample.expectedRole}`);
      }
      this.requisitions.set(sample.key, { key: sample.key, id: req.id, title: req.title, targetRole: req.targetRole, locationTier: req.locationTier, action });
      log(`requisition "${req.title}": ${action}, ${req.targetRole} in ${req.locationTier} (${req.id})`);
    }
  }

  private body(sample: SampleCandidate) {
    const requisition = this.requisitions.get(sample.requisition);
    if (!requisition) throw new SeedError(`sample ${sample.key}: no requisition ${sample.requisition}`);
    return { externalId: `seed-${sample.key}`, requisitionId: requisition.id, candidate: sample.candidate, profile: profileFor(this.data, sample, requisition) };
  }

  private agencyOf(sample: SampleCandidate): Agency {
    const agency = this.agencies.get(sample.agency);
    if (!agency) throw new SeedError(`sample ${sample.key}: no agency ${sample.agency}`);
    return agency;
  }

  /** POST /v1/submissions; 409 (the sample changed since an earlier run) is reported, not fatal. */
  private async submitOne(sample: SampleCandidate): Promise<Outcome> {
    const body = this.body(sample);
    const answer = await this.sourcing.request<{ submissionId?: string; status?: string; candidateId?: string; detail?: string }>('POST', '/v1/submissions', {
      headers: { 'x-api-key': this.agencyOf(sample).apiKey, 'idempotency-key': body.externalId },
      body,
      expected: [200, 202, 409, 422],
    });
    const b = answer.body;
    if (answer.status >= 400) return { sample, externalId: body.externalId, status: answer.status === 409 ? 'conflict' : 'rejected', detail: b.detail };
    return { sample, externalId: body.externalId, submissionId: b.submissionId, candidateId: b.candidateId, status: b.status ?? '?', replayed: answer.status === 200 };
  }

  async submitHttp(): Promise<void> {
    for (const sample of this.data.samples.filter((s) => s.channel === 'http')) this.outcomes.push(await this.submitOne(sample));
    for (const agency of this.agencies.values()) {
      const samples = this.data.samples.filter((s) => s.channel === 'bulk' && s.agency === agency.key);
      if (samples.length === 0) continue;
      type Item = { index: number; status: string; submissionId?: string; candidateId?: string; replayed?: boolean; errors?: Array<{ path: string; message: string }> };
      const answer = await this.sourcing.request<{ results: Item[] }>('POST', '/v1/submissions/bulk', {
        headers: { 'x-api-key': agency.apiKey },
        body: samples.map((s) => this.body(s)),
      });
      for (const item of answer.body.results) {
        const sample = samples[item.index];
        if (!sample) continue;
        this.outcomes.push({
          sample,
          externalId: `seed-${sample.key}`,
          submissionId: item.submissionId,
          candidateId: item.candidateId,
          status: item.status,
          replayed: item.replayed === true,
          detail: item.errors?.map((e) => `${e.path}: ${e.message}`).join('; '),
        });
      }
    }
    const http = this.outcomes.filter((o) => o.sample.channel !== 'kafka' && o.sample.channel !== 'kafka-forged');
    log(`HTTP: ${http.length} submission(s) (${http.filter((o) => o.replayed).length} replayed from an earlier run)`);
  }

  async submitKafka(): Promise<void> {
    const samples = this.data.samples.filter((s) => s.channel === 'kafka' || s.channel === 'kafka-forged');
    const kafka = this.kafka;
    if (samples.length === 0 || !kafka) return;
    const forged = samples.filter((s) => s.channel === 'kafka-forged');
    const forgedKeys = forged.map((s) => `${this.agencyOf(s).id}/seed-${s.key}`);
    // A dead-lettered event is not remembered by sourcing; send the forged one only once, not per run.
    const alreadyDead = await kafka.deadLettersFor(forgedKeys);
    const sent: SentSubmission[] = [];
    for (const sample of samples) {
      const agency = this.agencyOf(sample);
      const body = this.body(sample);
      const key = `${agency.id}/${body.externalId}`;
      if (sample.channel === 'kafka-forged' && alreadyDead.some((d) => d.key === key)) continue;
      const data = { agencyId: agency.id, ...body } as unknown as SubmissionEvent;
      sent.push(await kafka.send(data, slug(agency.name), sample.channel === 'kafka-forged' ? forgedSecret() : agency.signingSecret));
    }
    log(`Kafka: ${sent.length} signed event(s) on recruiting.submissions.v1 (${samples.length - sent.length} forged one(s) already in the DLQ from an earlier run)`);
    const consumed = sent.length === 0 || (await kafka.waitConsumed(this.config.sourcingGroup, sent, Date.now() + this.config.waitMs));
    if (!consumed) log(`WARN sourcing (group ${this.config.sourcingGroup}) has not consumed the Kafka submissions yet`);
    for (const sample of samples.filter((s) => s.channel === 'kafka')) {
      // Sourcing answers an identical resubmission with the original (200): once the event is consumed this is a lookup.
      this.outcomes.push(consumed ? await this.submitOne(sample) : { sample, externalId: `seed-${sample.key}`, status: 'not consumed yet' });
    }
    const letters = consumed ? await kafka.deadLettersFor(forgedKeys) : [];
    for (const sample of forged) {
      const key = `${this.agencyOf(sample).id}/seed-${sample.key}`;
      const mine = letters.filter((l) => l.key === key).at(-1);
      this.outcomes.push({
        sample,
        externalId: `seed-${sample.key}`,
        status: mine ? 'dead-lettered' : 'not dead-lettered yet',
        detail: mine ? `${mine.reason.split(':')[0]}, see: npm run -s hiring -- dlq show ${mine.dlqTopic} ${mine.partition} ${mine.offset}` : undefined,
      });
    }
  }

  /** Polls each submission with its agency's key until all settle, nothing moves for a while, or the deadline. */
  async waitForStatuses(): Promise<{ settled: boolean; waitedMs: number }> {
    const started = Date.now();
    const deadline = started + this.config.waitMs;
    let lastChange = started;
    const tracked = this.outcomes.filter((o) => o.submissionId);
    for (;;) {
      let changed = false;
      for (const o of tracked) {
        if (isSettled(o.status)) continue;
        const answer = await this.sourcing.request<{ status: string; candidateId?: string }>('GET', `/v1/submissions/${o.submissionId}`, {
          headers: { 'x-api-key': this.agencyOf(o.sample).apiKey },
        });
        if (answer.body.status !== o.status) {
          o.status = answer.body.status;
          changed = true;
        }
        o.candidateId ??= answer.body.candidateId;
      }
      const now = Date.now();
      if (changed) lastChange = now;
      const settled = tracked.every((o) => isSettled(o.status));
      if (settled || now >= deadline || now - lastChange >= QUIET_MS) return { settled, waitedMs: now - started };
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** Scores from the scoring service (ops); absent until scoring has consumed the candidate. */
  async readScores(): Promise<void> {
    for (const o of this.outcomes) {
      if (!o.candidateId || o.status === 'duplicate') continue;
      try {
        const answer = await this.scoring.request<{ score?: number }>('GET', `/v1/scores/${o.candidateId}`, { headers: this.ops, expected: [200, 404] });
        if (answer.status === 200 && typeof answer.body.score === 'number') o.score = answer.body.score;
      } catch (error) {
        log(`WARN no scores: ${(error as Error).message}`);
        return;
      }
    }
  }
}

function summary(seeder: Seeder, config: SeedConfig, wait: { settled: boolean; waitedMs: number }): string {
  const lines: string[] = ['', 'Sample data'];
  for (const agency of seeder.agencies.values()) {
    const mine = seeder.outcomes.filter((o) => o.sample.agency === agency.key);
    const counts = new Map<string, number>();
    for (const o of mine) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    const channels = (['http', 'bulk', 'kafka', 'kafka-forged'] as const).map((c) => `${mine.filter((o) => o.sample.channel === c).length} ${c}`).join(', ');
    lines.push(`  ${agency.name} (${agency.id}, ${agency.action}): ${mine.length} submissions (${channels})`);
    lines.push(`    ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`);
  }
  lines.push(`  statuses ${wait.settled ? 'settled' : 'as seen'} after ${(wait.waitedMs / 1000).toFixed(0)} s (later stages may still be on their way)`);
  lines.push('');
  const width = Math.max(...seeder.outcomes.map((o) => o.externalId.length));
  for (const o of seeder.outcomes) {
    const score = o.score === undefined ? '' : ` score ${o.score}`;
    lines.push(`  ${o.externalId.padEnd(width)}  ${o.sample.channel.padEnd(12)} ${`${o.status}${score}`.padEnd(22)} ${o.sample.note}${o.detail ? ` [${o.detail}]` : ''}`);
  }
  const keyed = [...seeder.agencies.values()].map((a) => `    ${a.name}: export KEY_${a.key.toUpperCase().replace(/-/g, '_')}='${a.apiKey}'`);
  const aiReq = [...seeder.requisitions.values()].find((r) => r.targetRole === 'ai-tech-lead');
  const candidates = seeder.outcomes.filter((o) => o.candidateId && o.status !== 'duplicate' && o.sample.requisition === aiReq?.key);
  const best = [...candidates].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0];
  const firstSubmission = seeder.outcomes.find((o) => o.submissionId);
  lines.push(
    '',
    'Where to look',
    `  OpenAPI      ${config.sourcingUrl}/docs  ${config.scoringUrl}/docs  ${config.offerUrl}/docs`,
    '  dead letters npm run -s hiring -- dlq list            (then: dlq list recruiting.submissions.v1)',
    '  topics       recruiting.submissions.v1, recruiting.candidate-sourced.v1, …-screened.v1, …-scored.v1, recruiting.offer-decided.v1',
    `  duplicates   curl -s ${config.sourcingUrl}/v1/duplicates -H "Authorization: Bearer \${OPS_TOKEN:-local-ops-token-change-me}"`,
    '  agency keys (rotated on every seed run):',
    ...keyed,
  );
  if (firstSubmission) {
    lines.push(`  a submission curl -s ${config.sourcingUrl}/v1/submissions/${firstSubmission.submissionId} -H "x-api-key: $KEY_${firstSubmission.sample.agency.toUpperCase().replace(/-/g, '_')}"`);
  }
  if (best?.candidateId) {
    lines.push(
      `  propose an offer for ${best.externalId} (${best.score === undefined ? 'once scored' : `score ${best.score}`}, AI Tech Lead, ${aiReq?.locationTier}):`,
      `    curl -s -XPOST ${config.offerUrl}/v1/offers -H "Authorization: Bearer \${OPS_TOKEN:-local-ops-token-change-me}" -H 'content-type: application/json' \\`,
      `      -d '{"candidateId":"${best.candidateId}","base":{"amount":150000,"currency":"GBP"},"proposedBy":"hiring-manager@example.com"}'`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadSeedConfig(process.env, REPO_ROOT);
  const data = loadSampleData(config.samplesFile);
  log(`${data.samples.length} samples from ${config.samplesFile}; sourcing ${config.sourcingUrl}, Kafka ${config.kafkaBrokers.join(',')}`);
  const seeder = new Seeder(config, data);
  try {
    await seeder.preflight();
    await seeder.ensureAgencies();
    await seeder.ensureRequisitions();
    await seeder.submitHttp();
    await seeder.submitKafka();
    log(`waiting up to ${config.waitMs / 1000} s for the pipeline (SEED_WAIT_SECONDS)`);
    const wait = await seeder.waitForStatuses();
    await seeder.readScores();
    process.stdout.write(`${summary(seeder, config, wait)}\n`);
  } finally {
    await seeder.close();
  }
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`[seed] ERROR: ${error instanceof SeedError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 500).unref());
