// The port through which scoring writes to the compacted scored topic: the
// current score as a CloudEvent, and on erasure a tombstone (null value, key =
// candidate id). Both go through the outbox in the caller's transaction, and
// the relay keeps the outbox order per key, so a tombstone is never overtaken
// by the score it erases.
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS } from '@hiring/contracts';
import { EventPublisher } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { toCandidateScoredEvent } from './score.mapper';
import type { ScoreRecord } from './score.model';

@Injectable()
export class ScoredTopicPublisher {
  constructor(private readonly events: EventPublisher) {}

  async candidatesScored(tx: Tx, records: readonly ScoreRecord[], correlationIds?: ReadonlyMap<string, string>): Promise<void> {
    await this.events.publishAll(
      tx,
      EVENT_TYPES.candidateScored,
      records.map((r) => ({ data: toCandidateScoredEvent(r), correlationId: correlationIds?.get(r.candidateId) })),
    );
  }

  /** Erasure on the compacted topic: compaction drops every earlier score under the candidate id. */
  async tombstones(tx: Tx, candidateIds: readonly string[]): Promise<void> {
    await this.events.tombstones(tx, TOPICS.candidateScored, candidateIds);
  }
}
