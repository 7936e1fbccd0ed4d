import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { ScreeningRepository } from './screening.repository';

/**
 * Erasure: forget the stored profile and every screening of the candidates,
 * and any of their events parked by the outbox relay; keep nothing else.
 */
@Injectable()
export class EraseCandidateService {
  constructor(
    private readonly repository: ScreeningRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(tx: Tx, candidateIds: readonly string[]): Promise<void> {
    const ids = [...new Set(candidateIds)];
    await this.repository.deleteCandidates(tx, ids);
    await this.events.eraseParked(tx, ids);
  }
}
