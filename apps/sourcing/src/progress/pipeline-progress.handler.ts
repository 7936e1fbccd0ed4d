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
 * Each status topic runs in a consumer of its own (Kafka groups
 * `<group>.progress-screened`, `-scored`, `-offer`): kafkajs fetches a
 * consumer's partitions together and fetches again only when all of them are
 * handled, so in one consumer a `scored` that reached Kafka while the
 * `screened` update (or a submissions chunk) was being written waited for it
 * and for the next fetch before the agency could see it.
 */
export const PROGRESS_CONSUMERS = { screened: 'progress-screened', scored: 'progress-scored', offerDecided: 'progress-offer' } as const;

/**
 * Later stages of the pipeline, mapped to submission progress. No inbox rows
 * (`inbox: false`): RecordPipelineProgressService skips an event its
 * submission has seen (the stage marks), so a redelivery changes nothing.
 */
@Injectable()
export class PipelineProgressHandler {
  constructor(private readonly recordProgress: RecordPipelineProgressService) {}

  @ConsumeEvents({ topic: TOPICS.candidateScreened, types: [EVENT_TYPES.candidateScreened], consumer: PROGRESS_CONSUMERS.screened, inbox: false })
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

  @ConsumeEvents({ topic: TOPICS.candidateScored, types: [EVENT_TYPES.candidateScored], consumer: PROGRESS_CONSUMERS.scored, inbox: false })
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

  @ConsumeEvents({ topic: TOPICS.offerDecided, types: [EVENT_TYPES.offerDecided], consumer: PROGRESS_CONSUMERS.offerDecided, inbox: false })
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
