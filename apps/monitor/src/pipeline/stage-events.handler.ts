import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type CandidateErasedEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import { stageEventDecoder } from './stage-event.decoder';
import { StageProgressWriter } from './stage-progress-writer';
import { fromCandidateScored, fromCandidateScreened, fromCandidateSourced, fromOfferDecided, type ReadScored, type ReadScreened, type ReadSourced, type ReadOfferDecided } from './stage-event.mapper';

/**
 * Every stage event of the pipeline, read by the monitor's own group into its
 * read model. No inbox rows (`inbox: false`): every merge of the read model
 * (earliest time, latest decision with a fixed tie-break, set union, the
 * erased-candidates list) is idempotent and does not depend on the order
 * events are read, so a redelivered event changes nothing
 * (pipeline.int-spec.ts redelivers a whole run and compares).
 *
 * No transaction per chunk either (`transaction: false`): the handlers hand
 * their events to StageProgressWriter, which writes the batches of every
 * partition and topic handed in together with one upsert, and returns once it
 * is durable; the consumer resolves the offsets after that. Events are read
 * with stageEventDecoder: only the fields the monitor uses are checked and kept.
 */
@Injectable()
export class StageEventsHandler {
  constructor(private readonly progress: StageProgressWriter) {}

  @ConsumeEvents({ topic: TOPICS.candidateSourced, types: [EVENT_TYPES.candidateSourced], inbox: false, transaction: false, decode: stageEventDecoder })
  async sourced(events: ConsumedEvent<ReadSourced>[]): Promise<void> {
    await this.progress.record(events.map((e) => fromCandidateSourced(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateScreened, types: [EVENT_TYPES.candidateScreened], inbox: false, transaction: false, decode: stageEventDecoder })
  async screened(events: ConsumedEvent<ReadScreened>[]): Promise<void> {
    await this.progress.record(events.map((e) => fromCandidateScreened(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateScored, types: [EVENT_TYPES.candidateScored], inbox: false, transaction: false, decode: stageEventDecoder })
  async scored(events: ConsumedEvent<ReadScored>[]): Promise<void> {
    await this.progress.record(events.map((e) => fromCandidateScored(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.offerDecided, types: [EVENT_TYPES.offerDecided], inbox: false, transaction: false, decode: stageEventDecoder })
  async offerDecided(events: ConsumedEvent<ReadOfferDecided>[]): Promise<void> {
    await this.progress.record(events.map((e) => fromOfferDecided(e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateErased, types: [EVENT_TYPES.candidateErased], inbox: false, transaction: false, decode: stageEventDecoder })
  async erased(events: ConsumedEvent<Pick<CandidateErasedEvent, 'candidateId' | 'erasedAt'>>[]): Promise<void> {
    await this.progress.erase(events.map((e) => ({ candidateId: e.data.candidateId, erasedAt: new Date(e.data.erasedAt) })));
  }
}
