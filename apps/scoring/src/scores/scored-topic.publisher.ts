// The port through which scoring writes to the compacted scored topic: the
// current score as a CloudEvent, and on erasure a tombstone (null value, key =
// candidate id). Both go through the outbox in the caller's transaction, and
// the relay keeps the outbox order per key, so a tombstone is never overtaken
// by the score it erases.
import { Injectable } from '@nestjs/common';
import { buildEvent, EVENT_TYPES, serviceSource, tombstone, TOPICS } from '@hiring/contracts';
import { Outbox } from '@hiring/messaging';
import { toCandidateScoredEvent } from './score.mapper';
import type { ScoreRecord } from './score.model';
import type { ScoringTx } from './score.repository';

const SCORING_EVENT_SOURCE = serviceSource('scoring');

@Injectable()
export class ScoredTopicPublisher {
  constructor(private readonly outbox: Outbox) {}

  async candidatesScored(tx: ScoringTx, records: readonly ScoreRecord[], correlationIds?: ReadonlyMap<string, string>): Promise<void> {
    const events = records.map((r) =>
      buildEvent(EVENT_TYPES.candidateScored, {
        source: SCORING_EVENT_SOURCE,
        data: toCandidateScoredEvent(r),
        correlationId: correlationIds?.get(r.candidateId),
      }),
    );
    await this.outbox.enqueue(tx, events);
  }

  /** Erasure on the compacted topic: compaction drops every earlier score under the candidate id. */
  async tombstones(tx: ScoringTx, candidateIds: readonly string[]): Promise<void> {
    await this.outbox.enqueue(
      tx,
      candidateIds.map((id) => ({ topic: TOPICS.candidateScored, ...tombstone(id) })),
    );
  }
}
