import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type CandidateSourcedEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { EntityManager } from 'typeorm';
import { mapScreeningErrors, toKafkaFailure } from '../shared/screening-failure.mapper';
import { ScreenCandidateService } from './screen-candidate.service';
import { toCandidateInput } from './screening.mapper';

@Injectable()
export class CandidateSourcedHandler {
  constructor(private readonly screenCandidate: ScreenCandidateService) {}

  @ConsumeEvents({ topic: TOPICS.candidateSourced, types: [EVENT_TYPES.candidateSourced] })
  async handle(events: ConsumedEvent<CandidateSourcedEvent>[], tx: EntityManager): Promise<void> {
    await mapScreeningErrors(async () => {
      const inputs = events.map((e) => toCandidateInput(e.data));
      const correlationIds = new Map(events.filter((e) => e.correlationId).map((e) => [e.data.candidateId, e.correlationId as string]));
      await this.screenCandidate.execute(tx, inputs, correlationIds);
    }, toKafkaFailure);
  }
}
