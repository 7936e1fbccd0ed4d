import { Injectable } from '@nestjs/common';
import type { Tx } from '@hiring/platform';
import { CandidateStageRepository } from './candidate-stage.repository';

/** Erasure: the candidate's row goes; only the id stays, so a late event cannot bring the row back. */
@Injectable()
export class EraseCandidateProgressService {
  constructor(private readonly repository: CandidateStageRepository) {}

  async execute(tx: Tx, erasures: ReadonlyArray<{ candidateId: string; erasedAt: Date }>): Promise<void> {
    const unique = new Map(erasures.map((e) => [e.candidateId, e]));
    await this.repository.erase(tx, [...unique.values()]);
  }
}
