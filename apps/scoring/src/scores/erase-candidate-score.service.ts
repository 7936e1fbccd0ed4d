import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { ScoreRepository } from './score.repository';
import { ScoredTopicPublisher } from './scored-topic.publisher';

/**
 * Erasure: delete the score, remember the candidate as erased, and leave a
 * tombstone under the candidate id on the compacted scored topic (once: a
 * replayed erasure changes nothing and emits nothing).
 */
@Injectable()
export class EraseCandidateScoreService {
  constructor(
    private readonly repository: ScoreRepository,
    private readonly publisher: ScoredTopicPublisher,
    private readonly events: EventPublisher,
  ) {}

  async execute(tx: Tx, candidateIds: readonly string[]): Promise<void> {
    const ids = [...new Set(candidateIds)];
    const erasedNow = await this.repository.erase(tx, ids);
    // Scores the relay parked (refused by Kafka as too large) go too.
    await this.events.eraseParked(tx, ids);
    // A tombstone even when no score was stored: dashboards may hold one from an earlier run of the topic.
    await this.publisher.tombstones(tx, ids.filter((id) => erasedNow.has(id)));
  }
}
