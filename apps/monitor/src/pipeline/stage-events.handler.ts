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

/**
 * Every stage event of the pipeline, read by the monitor's own group into its
 * read model. No inbox rows (`inbox: false`): every merge of the read model
 * (earliest time, latest decision with a fixed tie-break, set union, the
 * erased-candidates list) is idempotent and does not depend on the order
 * events are read, so a redelivered event changes nothing
 * (pipeline.int-spec.ts redelivers a whole run and compares).
 */
@Injectable()
export class StageEventsHandler {
  constructor(
    private readonly record: RecordStageProgressService,
    private readonly erase: EraseCandidateProgressService,
  ) {}

  @ConsumeEvents({ topic: TOPICS.candidateSourced, types: [EVENT_TYPES.candidateSourced], inbox: false })
  async sourced(events: ConsumedEvent<CandidateSourcedEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromCandidateSourced(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateScreened, types: [EVENT_TYPES.candidateScreened], inbox: false })
  async screened(events: ConsumedEvent<CandidateScreenedEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromCandidateScreened(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateScored, types: [EVENT_TYPES.candidateScored], inbox: false })
  async scored(events: ConsumedEvent<CandidateScoredEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromCandidateScored(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.offerDecided, types: [EVENT_TYPES.offerDecided], inbox: false })
  async offerDecided(events: ConsumedEvent<OfferDecidedEvent>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => fromOfferDecided(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateErased, types: [EVENT_TYPES.candidateErased], inbox: false })
  async erased(events: ConsumedEvent<CandidateErasedEvent>[], tx: Tx): Promise<void> {
    await this.erase.execute(tx, events.map((e) => ({ candidateId: e.data.candidateId, erasedAt: new Date(e.data.erasedAt) })));
  }
}
