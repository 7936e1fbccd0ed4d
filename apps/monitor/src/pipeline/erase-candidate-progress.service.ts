import { Injectable } from '@nestjs/common';
import { CandidateStageRepository, type MonitorTx } from './candidate-stage.repository';

/** Erasure: the candidate's row goes; only the id stays, so a late event cannot bring the row back. */
@Injectable()
export class EraseCandidateProgressService {
  constructor(private readonly repository: CandidateStageRepository) {}

  async execute(tx: MonitorTx, erasures: ReadonlyArray<{ candidateId: string; erasedAt: Date }>): Promise<void> {
    const unique = new Map(erasures.map((e) => [e.candidateId, e]));
    await this.repository.erase(tx, [...unique.values()]);
  }
}
