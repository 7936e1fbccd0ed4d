// The port through which sourcing emits events. Use cases call it inside the
// transaction that changes state, so that (once the outbox is wired) the event
// commits or rolls back with the state.
import { Injectable, Logger } from '@nestjs/common';
import type { LocationTier, TargetRole } from '@hiring/domain';
import type { SourcingTx } from './submission.repository';

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
  private readonly logger = new Logger('sourcing-events');

  /**
   * TODO(outbox): write `buildEvent('recruiting.candidate-sourced.v1', data)`
   * (key = candidateId) with `Outbox.enqueue(tx, [event])` from
   * @hiring/messaging once it lands. Until then this writes nothing: accepted
   * submissions are stored but no event reaches Kafka.
   */
  async candidateSourced(_tx: SourcingTx, event: CandidateSourcedData): Promise<void> {
    this.logger.debug(`candidate-sourced not published yet (outbox pending): candidate ${event.candidateId}, submission ${event.submissionId}`);
    return Promise.resolve();
  }
}
