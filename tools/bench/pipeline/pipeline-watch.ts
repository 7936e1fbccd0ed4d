// Follows the pipeline's topics from their current end and keeps, per
// candidate, the times each stage wrote into its event (sourcedAt, screenedAt,
// scoredAt, issuedAt) and the times the relays put the records on Kafka
// (record timestamps, set by the producing relay). Stage latencies come from
// these, not from polling.
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
}

const WATCHED = [TOPICS.candidateSourced, TOPICS.candidateScreened, TOPICS.candidateScored, TOPICS.offerGuidance] as const;

export class PipelineWatch {
  readonly byCandidate = new Map<string, CandidateTimes>();
  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, groupId: string): Promise<PipelineWatch> {
    const admin = kafka.admin();
    await admin.connect();
    const highs = new Map<string, bigint>();
    for (const topic of WATCHED) for (const p of await admin.fetchTopicOffsets(topic)) highs.set(`${topic}/${p.partition}`, BigInt(p.high));
    await admin.disconnect();
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, maxBytesPerPartition: 4 * 1024 * 1024 });
    const watch = new PipelineWatch(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...WATCHED], fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch }) => {
        const from = highs.get(`${batch.topic}/${batch.partition}`) ?? 0n;
        for (const m of batch.messages) {
          if (BigInt(m.offset) < from || !m.value) continue;
          watch.record(batch.topic, Number(m.timestamp), m.value);
        }
      },
    });
    await joined;
    // Start exactly at the end as it was before the run: nothing earlier, nothing missed.
    for (const [key, offset] of highs) {
      const [topic, partition] = key.split('/') as [string, string];
      consumer.seek({ topic, partition: Number(partition), offset: offset.toString() });
    }
    return watch;
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
        c.scoredAt = time('scoredAt');
        c.scoredTs = ts;
        c.decision = d['decision'] as string;
        break;
      case TOPICS.offerGuidance:
        c.issuedAt = time('issuedAt');
        c.guidanceTs = ts;
        break;
    }
  }

  /** Candidates of these agencies: how many were sourced, and how many are through (scored, and guided when eligible). */
  progress(agencyIds: ReadonlySet<string>): { sourced: number; scored: number; done: number; lastDoneTs: number } {
    let sourced = 0;
    let scored = 0;
    let done = 0;
    let lastDoneTs = 0;
    for (const c of this.byCandidate.values()) {
      if (!c.agencyId || !agencyIds.has(c.agencyId)) continue;
      sourced++;
      if (c.scoredTs === undefined) continue;
      scored++;
      const eligible = c.decision === 'advance' || c.decision === 'review';
      if (eligible && c.guidanceTs === undefined) continue;
      done++;
      lastDoneTs = Math.max(lastDoneTs, eligible ? (c.guidanceTs ?? 0) : c.scoredTs);
    }
    return { sourced, scored, done, lastDoneTs };
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
