// One resilience run: the pipeline as built (dist/) on the real broker and
// database, two agencies and a requisition, and the checks every fault
// scenario ends with, read back from the database: accepted lost = 0, effects
// applied twice = 0, every accepted submission in one final state. Each spec
// file under test/resilience/ starts its own run (jest runs them one at a time).
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { TOPICS } from '@hiring/contracts';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitFor } from '@hiring/testing';
import { AgencyClient, createAgency, expectStatus, OpsClient, type CreatedAgency } from './agency-client';
import { candidateProfile } from './candidates';
import { readTopicSince } from './kcat';
import { startPipeline, type Pipeline, type ServiceName } from './pipeline';
import { AI_SIGNALS } from './requisitions';

/** Where a submission of this suite ends (strong profiles: scored; the same person again: duplicate). */
export const FINAL_STATES = ['duplicate', 'rejected', 'needs-interview', 'scored'];

/** The services that consume events, i.e. have a consumer group that faults can disturb. */
export const CONSUMING_SERVICES: readonly ServiceName[] = ['sourcing', 'screening', 'scoring', 'offer'];

export interface EffectsTwice {
  /** A submission that entered the same status twice (sourcing.submission_status_history). */
  statusTwice: number;
  /** A candidate screened twice under one rubric version (screening.screenings). */
  screenedTwice: number;
}

/** The events each stage writes once per candidate: the topics the checks read back. */
export const STAGE_TOPICS: readonly string[] = [TOPICS.candidateSourced, TOPICS.candidateScreened, TOPICS.candidateScored];

export type TopicMarks = Record<string, Array<{ partition: number; offset: string }>>;

export interface TopicCounts {
  /** Records of the run's candidates on the stage topics since the marks. */
  records: number;
  /** A (topic, candidate) with two different event ids: an effect emitted twice. */
  emittedTwice: number;
  /** Extra copies of one event id (at-least-once delivery; consumers' inboxes drop them). */
  redelivered: number;
  /** The run's candidates with no event on a stage topic they should have reached (see `eventsOnTopics`). */
  missing: number;
}

export class ResilienceRun {
  readonly opsToken = `resilience-${randomBytes(12).toString('hex')}`;
  readonly run = uniqueName('res').replace(/[^A-Za-z0-9]/g, '');
  private readonly runDigits = String(Date.now()).slice(-5);
  /** Two digits per scenario tag: a phone is an identifier, so scenarios must not share one (the same phone is the same person). */
  private readonly tagDigits = new Map<string, string>();
  readonly kit = new KafkaTestKit();
  /** A pool, not one client: a scenario that stops Postgres kills its connections, and the next query opens a new one. */
  readonly db = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  pipeline!: Pipeline;
  ops!: OpsClient;
  agencyA!: CreatedAgency;
  agencyB!: CreatedAgency;
  clientA!: AgencyClient;
  requisitionId = '';
  /** Extra service processes a scenario started (second instances, replays): stopped with the run. */
  private readonly extras = new Set<ServiceProcess>();

  static async start(): Promise<ResilienceRun> {
    const run = new ResilienceRun();
    // An idle connection killed by a database outage is an expected error, not a crash of the test run.
    run.db.on('error', () => undefined);
    await run.kit.connect();
    run.pipeline = await startPipeline(run.kit, { opsToken: run.opsToken });
    run.ops = new OpsClient(run.pipeline.services.sourcing.url, run.opsToken);
    run.agencyA = await createAgency(run.ops, uniqueName('Res A'));
    run.agencyB = await createAgency(run.ops, uniqueName('Res B'));
    run.clientA = new AgencyClient(run.pipeline.services.sourcing.url, run.agencyA);
    run.requisitionId = expectStatus(
      await run.ops.post('/v1/requisitions', { title: 'Lead, ranking (resilience)', locationTier: 'uk-london', signals: AI_SIGNALS }),
      201,
      'requisition',
    ).id;
    return run;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.extras].map((p) => p.stop('SIGKILL').catch(() => undefined)));
    await this.pipeline?.stop('SIGKILL').catch(() => undefined);
    await this.kit.close();
    await this.db.end().catch(() => undefined);
  }

  /** A person no other scenario or run uses: run and tag in every identifier (the phone encodes them in digits). */
  person(index: number, tag: string) {
    if (!this.tagDigits.has(tag)) this.tagDigits.set(tag, String(this.tagDigits.size).padStart(2, '0'));
    return {
      name: `Res Person ${this.run} ${tag} ${index}`,
      email: `res.${tag}.${index}.${this.run}@resilience.example.com`.toLowerCase(),
      phone: `+44 7${this.runDigits}${this.tagDigits.get(tag) ?? '00'} ${String(index).padStart(4, '0')}`,
    };
  }

  /** A strong AI-lead submission of person `index`; `tag` names the scenario (the externalId prefix is `<run>-<tag>-`). */
  submissionOf(index: number, tag: string) {
    return {
      externalId: `${this.prefix(tag)}${index}`,
      requisitionId: this.requisitionId,
      candidate: this.person(index, tag),
      profile: candidateProfile('ai-tech-lead', 'uk-london', 'strong', index),
    };
  }

  prefix(tag: string): string {
    return `${this.run}-${tag}-`;
  }

  /** The environment a service of this run starts with (the pipeline's own settings, plus `overrides`). */
  serviceEnv(service: ServiceName, overrides: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      OPS_TOKEN: this.opsToken,
      KEY_SERVICE_TOKEN: this.pipeline.keyServiceToken,
      KAFKA_CONSUMER_GROUP: this.pipeline.groups[service],
      KAFKA_CONSUMER_FROM_BEGINNING: 'false',
      LOG_LEVEL: 'warn',
      SOURCING_URL: this.pipeline.services.sourcing.url,
      ...overrides,
    };
  }

  /** Starts another process of `service` (a second instance, or one with its own group); stopped with the run at the latest. */
  async startExtra(service: ServiceName, overrides: Record<string, string> = {}): Promise<ServiceProcess> {
    const instance = await ServiceProcess.start({ app: service, from: 'dist', env: this.serviceEnv(service, overrides) });
    this.extras.add(instance);
    // Generous: several instances may start at once on a busy 2-core machine (a replay group also starts with a backlog).
    await instance.waitUntilReady(180_000);
    return instance;
  }

  /** SIGKILLs a service and starts it again on the same port and consumer group; resolves when it is ready. */
  async killAndRestart(service: ServiceName): Promise<void> {
    const old = this.pipeline.services[service];
    const exit = await old.stop('SIGKILL');
    if (exit.signal !== 'SIGKILL') throw new Error(`${service} ended with ${JSON.stringify(exit)}, not by the SIGKILL`);
    await this.restart(service);
  }

  /** Starts a stopped pipeline service again on its port and consumer group; resolves when it is ready. */
  async restart(service: ServiceName): Promise<void> {
    const old = this.pipeline.services[service];
    const next = await ServiceProcess.start({ app: service, from: 'dist', port: old.port, env: this.serviceEnv(service) });
    this.pipeline.services[service] = next;
    await next.waitUntilReady(90_000);
  }

  async countWhere(sql: string, params: unknown[]): Promise<number> {
    return Number((await this.db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  }

  /** How many submissions with this externalId prefix sourcing stored (each is accepted once: unique per agency). */
  stored(prefix: string): Promise<number> {
    return this.countWhere('SELECT count(*) AS n FROM sourcing.submissions WHERE external_id LIKE $1', [`${prefix}%`]);
  }

  /** Every accepted submission with this externalId prefix in a final state; none lost, each once. */
  async expectAllFinal(prefix: string, expected: number, timeoutMs = 120_000): Promise<void> {
    const final = () =>
      this.countWhere(`SELECT count(*) AS n FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id WHERE s.external_id LIKE $1 AND status = ANY($2)`, [`${prefix}%`, FINAL_STATES]);
    await waitFor(async () => (await final()) === expected, { timeoutMs, intervalMs: 500, description: `${expected} submissions ${prefix}* in a final state` }).catch(
      async (error: unknown) => {
        const byStatus = await this.db.query<{ status: string; n: string }>(
          'SELECT status, count(*) AS n FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id WHERE s.external_id LIKE $1 GROUP BY status',
          [`${prefix}%`],
        );
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}; by status ${JSON.stringify(Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.n)])))}\n${this.pipeline.logTails(1500)}`,
        );
      },
    );
  }

  /**
   * Effects applied twice for the submissions with this prefix, from the
   * database: a status entered twice, a screening stored twice. An event
   * written twice for one candidate is read from the topics
   * (`eventsOnTopics`): the relays delete outbox rows once published.
   */
  async effectsTwice(prefix: string): Promise<EffectsTwice> {
    const row = (
      await this.db.query<{ status_twice: string; screened_twice: string }>(
        `WITH ours AS (SELECT id, candidate_id::text AS candidate_id FROM sourcing.submissions WHERE external_id LIKE $1)
         SELECT
           (SELECT count(*) FROM (SELECT 1 FROM sourcing.submission_status_history WHERE submission_id IN (SELECT id FROM ours) GROUP BY submission_id, status HAVING count(*) > 1) s) AS status_twice,
           (SELECT count(*) FROM (SELECT 1 FROM screening.screenings WHERE candidate_id IN (SELECT candidate_id FROM ours) GROUP BY candidate_id, rubric_version HAVING count(*) > 1) s) AS screened_twice`,
        [`${prefix}%`],
      )
    ).rows[0];
    return { statusTwice: Number(row?.status_twice), screenedTwice: Number(row?.screened_twice) };
  }

  /** The current end of every stage topic: what a scenario wrote is read from here (`eventsOnTopics`). */
  async topicMarks(): Promise<TopicMarks> {
    const marks: TopicMarks = {};
    for (const topic of STAGE_TOPICS) {
      marks[topic] = (await this.kit.admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, offset: o.high }));
    }
    return marks;
  }

  /**
   * What the stage topics carry for the scored submissions with this prefix
   * since `marks`, read with kcat: each candidate sourced, screened and scored
   * by exactly one event each (copies of the same event are counted apart).
   */
  async eventsOnTopics(prefix: string, marks: TopicMarks): Promise<TopicCounts> {
    const scored = new Set(
      (
        await this.db.query<{ candidate_id: string }>(`SELECT s.candidate_id::text FROM sourcing.submissions s JOIN sourcing.submission_states st ON st.submission_id = s.id WHERE s.external_id LIKE $1 AND status = 'scored'`, [`${prefix}%`])
      ).rows.map((r) => r.candidate_id),
    );
    const counts: TopicCounts = { records: 0, emittedTwice: 0, redelivered: 0, missing: 0 };
    for (const topic of STAGE_TOPICS) {
      const ids = new Map<string, Map<string, number>>();
      for (const record of await readTopicSince(topic, marks[topic] ?? [])) {
        if (record.key === null || !scored.has(record.key) || record.payload === null) continue;
        const id = String((JSON.parse(record.payload) as { id?: unknown }).id);
        const copies = ids.get(record.key) ?? new Map<string, number>();
        copies.set(id, (copies.get(id) ?? 0) + 1);
        ids.set(record.key, copies);
        counts.records += 1;
      }
      for (const copies of ids.values()) {
        if (copies.size > 1) counts.emittedTwice += 1;
        for (const n of copies.values()) counts.redelivered += n - 1;
      }
      counts.missing += scored.size - ids.size;
    }
    return counts;
  }

  /**
   * The end-of-scenario check, from the database and the topics: every
   * accepted submission (`accepted`) stored and final, nothing applied or
   * emitted twice. Returns the counts for the scorecard.
   */
  async expectIntact(prefix: string, accepted: number, marks: TopicMarks, timeoutMs = 120_000): Promise<string> {
    const stored = await this.stored(prefix);
    if (stored !== accepted) throw new Error(`accepted ${accepted} but stored ${stored} (lost ${accepted - stored})`);
    await this.expectAllFinal(prefix, accepted, timeoutMs);
    const twice = await this.effectsTwice(prefix);
    const topics = await this.eventsOnTopics(prefix, marks);
    const summary = `accepted ${accepted}, final ${accepted}, lost 0; twice: status ${twice.statusTwice}, screened ${twice.screenedTwice}, topic ${topics.emittedTwice}; topic records ${topics.records} (redelivered copies ${topics.redelivered}, missing ${topics.missing})`;
    if (twice.statusTwice + twice.screenedTwice + topics.emittedTwice + topics.missing !== 0) throw new Error(summary);
    return summary;
  }

  /** Fails unless nothing was applied twice; returns the counts for the scorecard. */
  async expectNothingTwice(prefix: string): Promise<string> {
    const twice = await this.effectsTwice(prefix);
    if (twice.statusTwice + twice.screenedTwice !== 0) throw new Error(`effects applied twice: ${JSON.stringify(twice)}`);
    return 'applied twice 0';
  }
}
