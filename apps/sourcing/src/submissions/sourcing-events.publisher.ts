// The port through which sourcing emits events. Use cases call it inside the
// transaction that changes state: the event goes to the outbox in that same
// transaction, so it is published if and only if the submission committed.
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, type CandidateErasedEvent, type CandidateSourcedEvent } from '@hiring/contracts';
import type { CandidateRef } from '@hiring/domain';
import { EventPublisher } from '@hiring/messaging';
import { sealJsonText, type Tx } from '@hiring/platform';
import { CandidateKeyRepository } from '../personal-data/candidate-key.repository';
import { profileJson } from '../personal-data/submission-personal-data';

/**
 * What the use case hands over for recruiting.candidate-sourced.v1: no identity
 * (name, email, phone, profile URL) by construction; the profile in clear,
 * sealed here before it reaches the outbox.
 */
export interface CandidateSourcedData extends CandidateRef {
  sourcedAt: string;
  profile: Record<string, unknown>;
}

@Injectable()
export class SourcingEventsPublisher {
  constructor(
    private readonly events: EventPublisher,
    private readonly keys: CandidateKeyRepository,
  ) {}

  /**
   * One outbox insert for a whole chunk of sourced candidates. The profile
   * leaves sealed with the candidate's data key (`keys`, when the intake
   * already has them; else created in this transaction when new, one key
   * statement for the chunk): the outbox row, the topic and any dead letter
   * hold ciphertext only, which the erasure makes unreadable by destroying the key.
   */
  async candidatesSourced(tx: Tx, items: readonly CandidateSourcedData[], known?: ReadonlyMap<string, Buffer>): Promise<void> {
    if (items.length === 0) return;
    const keys = known ?? (await this.keys.ensure(tx, items.map((d) => d.candidateId)));
    // Each payload is validated against the contract on the way out. Returned, not awaited
    // here: the sealed events are the outbox's to pack, not kept by this frame for the insert.
    return this.events.publishAll(tx, EVENT_TYPES.candidateSourced, sealedEvents(items, keys)).then(() => undefined);
  }

  /**
   * Erasure: the event that tells every service, and the deletion of the
   * candidate's events the relay parked here (refused by Kafka as too large: a
   * sourced event carries the sealed profile, the largest of the pipeline).
   */
  async candidateErased(tx: Tx, data: CandidateErasedEvent): Promise<void> {
    await this.events.eraseParked(tx, [data.candidateId]);
    await this.events.publish(tx, EVENT_TYPES.candidateErased, data);
  }
}

function sealedEvents(items: readonly CandidateSourcedData[], keys: ReadonlyMap<string, Buffer>): Array<{ data: CandidateSourcedEvent }> {
  return items.map(({ profile, ...rest }) => {
    const key = keys.get(rest.candidateId);
    if (!key) throw new Error(`no data key for candidate ${rest.candidateId} (erased?)`);
    const data: CandidateSourcedEvent = { ...rest, sealedProfile: sealJsonText(key, profileJson(profile), `${rest.candidateId}:profile`) };
    return { data };
  });
}
