import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type CandidateErasedEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { EraseCandidateScoreService } from './erase-candidate-score.service';

@Injectable()
export class CandidateErasedHandler {
  constructor(private readonly eraseCandidateScore: EraseCandidateScoreService) {}

  @ConsumeEvents({ topic: TOPICS.candidateErased, types: [EVENT_TYPES.candidateErased] })
  async handle(events: ConsumedEvent<CandidateErasedEvent>[], tx: Tx): Promise<void> {
    await this.eraseCandidateScore.execute(tx, events.map((e) => e.data.candidateId));
  }
}
