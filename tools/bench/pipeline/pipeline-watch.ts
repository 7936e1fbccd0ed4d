// Follows the pipeline's topics from their current end and keeps, per
// candidate, the times each stage wrote into its event (sourcedAt, screenedAt,
// scoredAt, issuedAt) and the times the relays put the records on Kafka
// (record timestamps, set by the producing relay). Stage latencies come from
// these, not from polling.
//
// The watcher runs on the machine it measures, so it reads as little as it
// can: the outcome topics (candidate-scored, offer-guidance: what "through
// the pipeline" means) all the time, and the stage topics (candidate-sourced,
// candidate-screened, the largest records) only while a phase needs stage
// times (`withStages`). Reading all four during the throughput phases cost
// 0.38 ms of CPU per candidate, a tenth of the whole pipeline's.
import { Kafka, type Consumer } from 'kafkajs';
import { TOPICS } from '@hiring/contracts';

export interface CandidateTimes {
  candidateId: string;
  submissionId?: string;
  agencyId?: string;
  sourcedAt?: number;
  sourcedTs?: number;
  screenedAt?: number;
  screenedTs?: number;
  scoredAt?: number;
  scoredTs?: number;
  decision?: string;
  issuedAt?: number;
  guidanceTs?: number;
  /** Counted as through the pipeline (scored, and guided when eligible). */
  done?: boolean;
}

const OUTCOME_TOPICS = [TOPICS.candidateScored, TOPICS.offerGuidance] as const;
const STAGE_TOPICS = [TOPICS.candidateSourced, TOPICS.candidateScreened] as const;

/** Scored candidates with these decisions get offer guidance; the others are through once scored. */
const eligible = (decision: string | undefined) => decision === 'advance' || decision === 'review';

interface AgencyProgress {
  done: number;
  lastDoneTs: number;
}

export class PipelineWatch {
  readonly byCandidate = new Map<string, CandidateTimes>();
  private readonly byAgency = new Map<string, AgencyProgress>();
  private outcomes: Consumer | undefined;
  private stageRuns = 0;

  private constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
  ) {}

  static async start(kafka: Kafka, groupId: string): Promise<PipelineWatch> {
    const watch = new PipelineWatch(kafka, groupId);
    watch.outcomes = await watch.follow(OUTCOME_TOPICS, `${groupId}-outcomes`);
    return watch;
  }

  /** Runs `work` while the stage topics are read too (from their end when it starts). */
  async withStages<T>(work: () => Promise<T>): Promise<T> {
    const stages = await this.follow(STAGE_TOPICS, `${this.groupId}-stages-${++this.stageRuns}`);
    try {
      return await work();
    } finally {
      await stages.disconnect();
    }
  }

  /** A consumer of `topics` that starts exactly at their end as it was now: nothing earlier, nothing missed. */
  private async follow(topics: readonly string[], groupId: string): Promise<Consumer> {
    const admin = this.kafka.admin();
    await admin.connect();
    const highs = new Map<string, bigint>();
    for (const topic of topics) for (const p of await admin.fetchTopicOffsets(topic)) highs.set(`${topic}/${p.partition}`, BigInt(p.high));
    await admin.disconnect();
    // The broker gathers up to 100 ms (or 1 MiB) per fetch: at a fixed rate the watchers otherwise fetched once
    // per record, ~4 fetches and bench wake-ups per candidate on the two cores measured. What they record are the
    // times in the records (event fields, record timestamps), so reading them later changes no measured number.
    const consumer = this.kafka.consumer({ groupId, minBytes: 1024 * 1024, maxWaitTimeInMs: 100, maxBytesPerPartition: 4 * 1024 * 1024 });
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      // A watcher group is new each run and seeks to where it starts: a commit is of no use, and kafkajs'
      // autoCommit sends one after every batch (2.7 OffsetCommits per candidate at 20/s, the broker's largest share).
      autoCommit: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch }) => {
        const from = highs.get(`${batch.topic}/${batch.partition}`) ?? 0n;
        for (const m of batch.messages) {
          if (BigInt(m.offset) < from || !m.value) continue;
          this.record(batch.topic, Number(m.timestamp), m.value);
        }
      },
    });
    await joined;
    for (const [key, offset] of highs) {
      const [topic, partition] = key.split('/') as [string, string];
      consumer.seek({ topic, partition: Number(partition), offset: offset.toString() });
    }
    return consumer;
  }

  private record(topic: string, ts: number, value: Buffer): void {
    const event = JSON.parse(value.toString('utf8')) as { data?: Record<string, unknown> };
    const d = event.data ?? {};
    const candidateId = typeof d['candidateId'] === 'string' ? d['candidateId'] : undefined;
    if (!candidateId) return;
    const c = this.byCandidate.get(candidateId) ?? { candidateId };
    this.byCandidate.set(candidateId, c);
    const time = (field: string) => (typeof d[field] === 'string' ? Date.parse(d[field]) : undefined);
    switch (topic) {
      case TOPICS.candidateSourced:
        c.submissionId = d['submissionId'] as string;
        c.agencyId = d['agencyId'] as string;
        c.sourcedAt = time('sourcedAt');
        c.sourcedTs = ts;
        break;
      case TOPICS.candidateScreened:
        c.screenedAt = time('screenedAt');
        c.screenedTs = ts;
        break;
      case TOPICS.candidateScored:
        c.submissionId = d['submissionId'] as string;
        c.agencyId = d['agencyId'] as string;
        c.scoredAt = time('scoredAt');
        c.scoredTs = ts;
        c.decision = d['decision'] as string;
        break;
      case TOPICS.offerGuidance:
        c.issuedAt = time('issuedAt');
        c.guidanceTs = ts;
        break;
    }
    this.countIfDone(c);
  }

  /** Counted once, when the candidate is scored and (if eligible) guided, whichever record came last. */
  private countIfDone(c: CandidateTimes): void {
    if (c.done || c.scoredTs === undefined || c.agencyId === undefined) return;
    if (eligible(c.decision) && c.guidanceTs === undefined) return;
    c.done = true;
    const p = this.byAgency.get(c.agencyId) ?? { done: 0, lastDoneTs: 0 };
    p.done++;
    p.lastDoneTs = Math.max(p.lastDoneTs, eligible(c.decision) ? (c.guidanceTs as number) : c.scoredTs);
    this.byAgency.set(c.agencyId, p);
  }

  /** Candidates of these agencies through the pipeline (scored, and guided when eligible), and when the last one got there. */
  progress(agencyIds: ReadonlySet<string>): { done: number; lastDoneTs: number } {
    let done = 0;
    let lastDoneTs = 0;
    for (const id of agencyIds) {
      const p = this.byAgency.get(id);
      if (!p) continue;
      done += p.done;
      lastDoneTs = Math.max(lastDoneTs, p.lastDoneTs);
    }
    return { done, lastDoneTs };
  }

  async stop(): Promise<void> {
    await this.outcomes?.disconnect();
  }
}
