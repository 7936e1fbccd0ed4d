// The port through which scoring writes to the compacted scored topic: the
// current score as a CloudEvent through the outbox, and on erasure a tombstone
// (null value, key = candidate id). Both are written in the caller's transaction.
import { Injectable } from '@nestjs/common';
import { buildEvent, EVENT_TYPES, TOPICS } from '@hiring/contracts';
import { Outbox, type OutboxCloudEvent } from '@hiring/messaging';
import { toCandidateScoredEvent } from './score.mapper';
import type { ScoreRecord } from './score.model';
import type { ScoringTx } from './score.repository';

export const SCORING_EVENT_SOURCE = '/services/scoring';

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
    // The contracts' CloudEvent interface has no index signature, so it needs a cast to the outbox's (structurally equal) type.
    await this.outbox.enqueue(tx, events as unknown as OutboxCloudEvent[]);
  }

  /**
   * Tombstones go to scoring.tombstones, not the outbox: Outbox.enqueue cannot
   * carry a null value (its value column is NOT NULL). TombstoneRelay sends them
   * once every earlier outbox row of the same key is published.
   */
  async tombstones(tx: ScoringTx, candidateIds: readonly string[]): Promise<void> {
    if (candidateIds.length === 0) return;
    await tx.query(`INSERT INTO scoring.tombstones (topic, key) SELECT $1, unnest($2::text[])`, [TOPICS.candidateScored, candidateIds]);
  }
}
