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

/** Later stages of the pipeline, mapped to submission progress. */
@Injectable()
export class PipelineProgressHandler {
  constructor(private readonly recordProgress: RecordPipelineProgressService) {}

  @ConsumeEvents({ topic: TOPICS.candidateScreened, types: [EVENT_TYPES.candidateScreened] })
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

  @ConsumeEvents({ topic: TOPICS.candidateScored, types: [EVENT_TYPES.candidateScored] })
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

  @ConsumeEvents({ topic: TOPICS.offerDecided, types: [EVENT_TYPES.offerDecided] })
  async offerDecided(events: ConsumedEvent<OfferDecidedEvent>[], tx: Tx): Promise<void> {
    await this.recordProgress.execute(
      tx,
      events.map(({ data }): StageReached => ({
        target: { candidateId: data.candidateId },
        stage: { kind: 'offer-decided', decision: data.decision },
        at: new Date(data.decidedAt),
        reason: `offer ${data.decision} (rate card ${data.rateCardVersion})`,
      })),
    );
  }
}
