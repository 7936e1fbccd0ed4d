import { Injectable } from '@nestjs/common';
import type { Tx } from '@hiring/platform';
import { ScreeningRepository } from './screening.repository';

/** Erasure: forget the stored profile and every screening of the candidates; keep nothing else. */
@Injectable()
export class EraseCandidateService {
  constructor(private readonly repository: ScreeningRepository) {}

  async execute(tx: Tx, candidateIds: readonly string[]): Promise<void> {
    await this.repository.deleteCandidates(tx, [...new Set(candidateIds)]);
  }
}
