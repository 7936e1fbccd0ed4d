// Who may receive an offer comes from the scoring topic; erasure removes it. Events of one
// candidate arrive in order (key = candidate id); each is applied in the
// batch's transaction, together with the inbox record and any guidance event.
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type CandidateErasedEvent, type CandidateScoredEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { EraseCandidateService } from './erase-candidate.service';
import { RecordCandidateScoreService } from './record-candidate-score.service';

@Injectable()
export class CandidateScoredHandler {
  constructor(
    private readonly recordCandidateScore: RecordCandidateScoreService,
    private readonly eraseCandidate: EraseCandidateService,
  ) {}

  @ConsumeEvents({ topic: TOPICS.candidateScored, types: [EVENT_TYPES.candidateScored] })
  async handle(events: ConsumedEvent<CandidateScoredEvent>[], tx: Tx): Promise<void> {
    await this.recordCandidateScore.executeAll(tx, events.map((e) => e.data));
  }

  @ConsumeEvents({ topic: TOPICS.candidateErased, types: [EVENT_TYPES.candidateErased] })
  async handleErasure(events: ConsumedEvent<CandidateErasedEvent>[], tx: Tx): Promise<void> {
    for (const event of events) await this.eraseCandidate.execute(tx, event.data.candidateId);
  }
}
