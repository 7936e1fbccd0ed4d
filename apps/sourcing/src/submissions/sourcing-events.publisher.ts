// The port through which sourcing emits events. Use cases call it inside the
// transaction that changes state: the event goes to the outbox in that same
// transaction, so it is published if and only if the submission committed.
import { Injectable } from '@nestjs/common';
import { buildEvent, EVENT_TYPES, serviceSource, type CandidateErasedEvent, type CandidateSourcedEvent } from '@hiring/contracts';
import type { LocationTier, TargetRole } from '@hiring/domain';
import { Outbox } from '@hiring/messaging';
import type { SourcingTx } from './submission.repository';

export const SOURCING_EVENT_SOURCE = serviceSource('sourcing');

/** Data of recruiting.candidate-sourced.v1: no identity (name, email, phone, profile URL) by construction. */
export interface CandidateSourcedData {
  candidateId: string;
  submissionId: string;
  agencyId: string;
  requisitionId: string;
  role: TargetRole;
  locationTier: LocationTier;
  sourcedAt: string;
  profile: Record<string, unknown>;
}

@Injectable()
export class SourcingEventsPublisher {
  constructor(private readonly outbox: Outbox) {}

  /** One outbox insert for a whole chunk of sourced candidates. */
  async candidatesSourced(tx: SourcingTx, data: readonly CandidateSourcedData[]): Promise<void> {
    if (data.length === 0) return;
    // buildEvent validates each payload against the contract on the way out.
    const events = data.map((d) => buildEvent(EVENT_TYPES.candidateSourced, { source: SOURCING_EVENT_SOURCE, data: d as unknown as CandidateSourcedEvent }));
    await this.outbox.enqueue(tx, events);
  }

  async candidateErased(tx: SourcingTx, data: CandidateErasedEvent): Promise<void> {
    await this.outbox.enqueue(tx, [buildEvent(EVENT_TYPES.candidateErased, { source: SOURCING_EVENT_SOURCE, data })]);
  }
}
