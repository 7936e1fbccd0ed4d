import { Injectable } from '@nestjs/common';
import type { CandidateScreenedEvent } from '@hiring/contracts';
import { scoreScreening } from '@hiring/domain';
import { Clock, type Tx } from '@hiring/platform';
import { RubricCatalogue } from './rubric-catalogue';
import { toScoreRecord, toScreeningInput } from './score.mapper';
import { ScoreRepository } from './score.repository';
import { ScoredTopicPublisher } from './scored-topic.publisher';

/**
 * Scores screenings with the rubric version they were made with, keeps the
 * latest score per candidate (by screening time) and publishes candidate-scored
 * for every score that changed, in the caller's transaction.
 */
@Injectable()
export class ScoreCandidateService {
  constructor(
    private readonly repository: ScoreRepository,
    private readonly rubrics: RubricCatalogue,
    private readonly publisher: ScoredTopicPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: Tx, screenings: readonly CandidateScreenedEvent[], correlationIds?: ReadonlyMap<string, string>): Promise<number> {
    const now = this.clock.now();
    const latest = new Map<string, ReturnType<typeof toScoreRecord>>();
    for (const data of screenings) {
      const rubric = this.rubrics.get(data.rubric.id, data.rubric.version);
      const input = toScreeningInput(data, rubric);
      const record = toScoreRecord(input, scoreScreening(input.screening, rubric), now);
      const seen = latest.get(record.candidateId);
      if (!seen || seen.screenedAt <= record.screenedAt) latest.set(record.candidateId, record);
    }
    const records = [...latest.values()];
    const written = await this.repository.saveLatest(tx, records);
    const changed = records.filter((r) => written.has(r.candidateId));
    await this.publisher.candidatesScored(tx, changed, correlationIds);
    return changed.length;
  }
}
