// The port through which screening emits events: CloudEvents written to the
// outbox in the caller's transaction, so an event exists iff its screening does.
import { Injectable } from '@nestjs/common';
import { buildEvent, EVENT_TYPES, serviceSource } from '@hiring/contracts';
import { Outbox } from '@hiring/messaging';
import { toCandidateScreenedEvent } from './screening.mapper';
import type { Screening } from './screening.model';
import type { ScreeningTx } from './screening.repository';

const SCREENING_EVENT_SOURCE = serviceSource('screening');

@Injectable()
export class ScreeningEventsPublisher {
  constructor(private readonly outbox: Outbox) {}

  async candidatesScreened(tx: ScreeningTx, screenings: readonly Screening[], correlationIds?: ReadonlyMap<string, string>): Promise<void> {
    const events = screenings.map((s) =>
      buildEvent(EVENT_TYPES.candidateScreened, {
        source: SCREENING_EVENT_SOURCE,
        data: toCandidateScreenedEvent(s),
        correlationId: correlationIds?.get(s.candidateId),
      }),
    );
    await this.outbox.enqueue(tx, events);
  }
}
