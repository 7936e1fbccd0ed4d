import { Injectable } from '@nestjs/common';
import {
  EVENT_TYPES,
  TOPICS,
  type CandidateErasedEvent,
  type CandidateScoredEvent,
  type CandidateScreenedEvent,
  type CandidateSourcedEvent,
  type OfferDecidedEvent,
} from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { EraseCandidateProgressService } from './erase-candidate-progress.service';
import { RecordStageProgressService } from './record-stage-progress.service';
import { fromCandidateScored, fromCandidateScreened, fromCandidateSourced, fromOfferDecided } from './stage-event.mapper';

/** Every stage event of the pipeline, read by the monitor's own group into its read model. */
@Injectable()
export class StageEventsHandler {
  constructor(
    private readonly record: RecordStageProgressService,
    private readonly erase: EraseCandidateProgressService,
  ) {}

  @ConsumeEvents({ topic: TOPICS.candidateSourced, types: [EVENT_TYPES.candidateSourced] })
  async sourced(events: ConsumedEvent<CandidateSourcedEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromCandidateSourced(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateScreened, types: [EVENT_TYPES.candidateScreened] })
  async screened(events: ConsumedEvent<CandidateScreenedEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromCandidateScreened(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateScored, types: [EVENT_TYPES.candidateScored] })
  async scored(events: ConsumedEvent<CandidateScoredEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromCandidateScored(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.offerDecided, types: [EVENT_TYPES.offerDecided] })
  async offerDecided(events: ConsumedEvent<OfferDecidedEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromOfferDecided(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateErased, types: [EVENT_TYPES.candidateErased] })
  async erased(events: ConsumedEvent<CandidateErasedEvent>[], tx: Tx): Promise<void> {
    await this.erase.execute(tx, events.map((e) => ({ candidateId: e.data.candidateId, erasedAt: new Date(e.data.erasedAt) })));
  }
}
