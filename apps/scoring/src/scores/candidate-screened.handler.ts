import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type CandidateScreenedEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { ScoreCandidateService } from './score-candidate.service';

@Injectable()
export class CandidateScreenedHandler {
  constructor(private readonly scoreCandidate: ScoreCandidateService) {}

  @ConsumeEvents({ topic: TOPICS.candidateScreened, types: [EVENT_TYPES.candidateScreened] })
  async handle(events: ConsumedEvent<CandidateScreenedEvent>[], tx: Tx): Promise<void> {
    const correlationIds = new Map(events.filter((e) => e.correlationId).map((e) => [e.data.candidateId, e.correlationId as string]));
    await this.scoreCandidate.execute(tx, events.map((e) => e.data), correlationIds);
  }
}
