import { Injectable } from '@nestjs/common';
import type { Tx } from '@hiring/platform';
import { CandidateStageRepository } from './candidate-stage.repository';
import { foldStageObservations, type StageObservation } from './stage-progress';

/** Records how far candidates got: one patch per candidate of the chunk, one upsert. */
@Injectable()
export class RecordStageProgressService {
  constructor(private readonly repository: CandidateStageRepository) {}

  async execute(tx: Tx, observations: readonly StageObservation[]): Promise<void> {
    await this.repository.applyPatches(tx, foldStageObservations(observations));
  }
}
