import { Injectable } from '@nestjs/common';
import {
  EVENT_TYPES,
  TOPICS,
  type CandidateScoredEvent,
  type CandidateScreenedEvent,
  type OfferDecidedEvent,
} from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { RecordPipelineProgressService, type StageReached } from './record-pipeline-progress.service';

/**
 * The three status topics run in ONE consumer of their own (Kafka group
 * `<group>.progress`), apart from the submissions intake. kafkajs fetches a
 * consumer's partitions together and fetches again only when every batch of
 * the fetch is handled; the chunks its concurrent batches hand in meanwhile,
 * of any partition and topic, commit in one transaction (libs/messaging
 * chunk-group.ts). So a candidate's `screened` and another's `scored` that
 * arrive together cost one fetch loop, one transaction and one set of
 * wake-ups, where a consumer per topic (how it was before the group commit,
 * groups `<group>.progress-screened`, `-scored`, `-offer`) cost three. Kept
 * apart from the intake: its chunks are heavy, and a status would wait
 * behind them.
 */
export const PROGRESS_CONSUMER = 'progress';

/**
 * The consumers each topic ran in before: a `progress` group without offsets
 * starts where they had committed (ConsumeEventsOptions.takesOverFrom), so
 * an upgrade neither replays the status history nor skips what was published
 * while it ran.
 */
export const FORMER_PROGRESS_CONSUMERS = { screened: 'progress-screened', scored: 'progress-scored', offerDecided: 'progress-offer' } as const;

/**
 * Later stages of the pipeline, mapped to submission progress. No inbox rows
 * (`inbox: false`): RecordPipelineProgressService skips an event its
 * submission has seen (the stage marks), so a redelivery changes nothing.
 */
@Injectable()
export class PipelineProgressHandler {
  constructor(private readonly recordProgress: RecordPipelineProgressService) {}

  @ConsumeEvents({ topic: TOPICS.candidateScreened, types: [EVENT_TYPES.candidateScreened], consumer: PROGRESS_CONSUMER, takesOverFrom: FORMER_PROGRESS_CONSUMERS.screened, inbox: false })
  async screened(events: ConsumedEvent<CandidateScreenedEvent>[], tx: Tx): Promise<void> {
    await this.recordProgress.execute(
      tx,
      events.map(({ data }): StageReached => ({
        target: { submissionId: data.submissionId },
        stage: { kind: 'screened', decision: data.decision },
        at: new Date(data.screenedAt),
        reason: `screening ${data.decision} (${data.rubric.id} ${data.rubric.version})`,
        rules: data.rules.map((rule) => ({ ruleId: rule.ruleId, group: rule.group, met: rule.met })),
      })),
    );
  }

  @ConsumeEvents({ topic: TOPICS.candidateScored, types: [EVENT_TYPES.candidateScored], consumer: PROGRESS_CONSUMER, takesOverFrom: FORMER_PROGRESS_CONSUMERS.scored, inbox: false })
  async scored(events: ConsumedEvent<CandidateScoredEvent>[], tx: Tx): Promise<void> {
    await this.recordProgress.execute(
      tx,
      events.map(({ data }): StageReached => ({
        target: { submissionId: data.submissionId },
        stage: { kind: 'scored', decision: data.decision, score: data.score },
        at: new Date(data.scoredAt),
        reason: `score ${data.score} (${data.decision})`,
        rules: data.penalties.map((p) => ({ ruleId: p.ruleId, group: 'red-flag' as const, met: true })),
      })),
    );
  }

  @ConsumeEvents({ topic: TOPICS.offerDecided, types: [EVENT_TYPES.offerDecided], consumer: PROGRESS_CONSUMER, takesOverFrom: FORMER_PROGRESS_CONSUMERS.offerDecided, inbox: false })
  async offerDecided(events: ConsumedEvent<OfferDecidedEvent>[], tx: Tx): Promise<void> {
    await this.recordProgress.execute(
      tx,
      events.map(({ data }): StageReached => ({
        // The submission the offer was made on. An event from before offer named it applies to every
        // submission of the candidate, as all did then (ambiguous once a candidate has several requisitions).
        target: data.submissionId !== undefined ? { submissionId: data.submissionId } : { candidateId: data.candidateId },
        stage: { kind: 'offer-decided', decision: data.decision },
        at: new Date(data.decidedAt),
        reason: `offer ${data.decision} (rate card ${data.rateCardVersion})`,
      })),
    );
  }
}
