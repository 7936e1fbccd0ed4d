// The port through which screening emits events: CloudEvents written to the
// outbox in the caller's transaction, so an event exists iff its screening does.
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES } from '@hiring/contracts';
import { EventPublisher } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { toCandidateScreenedEvent } from './screening.mapper';
import type { Screening } from './screening.model';

@Injectable()
export class ScreeningEventsPublisher {
  constructor(private readonly events: EventPublisher) {}

  async candidatesScreened(tx: Tx, screenings: readonly Screening[], correlationIds?: ReadonlyMap<string, string>): Promise<void> {
    await this.events.publishAll(
      tx,
      EVENT_TYPES.candidateScreened,
      screenings.map((s) => ({ data: toCandidateScreenedEvent(s), correlationId: correlationIds?.get(s.candidateId) })),
    );
  }
}
