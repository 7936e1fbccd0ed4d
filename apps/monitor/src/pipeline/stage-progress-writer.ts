import { Injectable } from '@nestjs/common';
import { CandidateStageRepository } from './candidate-stage.repository';
import { GroupCommit } from './group-commit';
import { foldStageObservations, type StageObservation } from './stage-progress';

export interface Erasure {
  candidateId: string;
  erasedAt: Date;
}

type ProgressChange = { observed: StageObservation } | { erased: Erasure };

/**
 * Records how far candidates got, and erasures, for every topic the monitor
 * reads: what the consumer hands in together is folded into one patch per
 * candidate and written with one upsert (see group-commit.ts). Folding a
 * candidate's sourced, screened and scored events into one row write is
 * safe because every merge is order-independent (stage-progress.ts).
 */
@Injectable()
export class StageProgressWriter {
  private readonly commit = new GroupCommit<ProgressChange>((changes) => this.write(changes));

  constructor(private readonly repository: CandidateStageRepository) {}

  /** Resolves once the observations are in the read model. */
  record(observations: readonly StageObservation[]): Promise<void> {
    return this.commit.submit(observations.map((observed) => ({ observed })));
  }

  /** Resolves once the candidates' rows are gone and their ids kept, so a late event cannot bring a row back. */
  erase(erasures: readonly Erasure[]): Promise<void> {
    return this.commit.submit(erasures.map((erased) => ({ erased })));
  }

  private async write(changes: readonly ProgressChange[]): Promise<void> {
    const observations: StageObservation[] = [];
    const erasures = new Map<string, Erasure>();
    for (const c of changes) {
      if ('observed' in c) observations.push(c.observed);
      else erasures.set(c.erased.candidateId, c.erased);
    }
    await this.repository.apply([...erasures.values()], foldStageObservations(observations));
  }
}
