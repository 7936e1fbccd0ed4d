import { Injectable } from '@nestjs/common';
import { ScoringException, ScoringExceptionCode } from '../shared/scoring.exception';
import { toScoreView, type ScoreView } from './score.mapper';
import { ScoreRepository } from './score.repository';

@Injectable()
export class GetScoreService {
  constructor(private readonly repository: ScoreRepository) {}

  async execute(candidateId: string): Promise<ScoreView> {
    const record = await this.repository.find(candidateId);
    if (!record) throw new ScoringException(ScoringExceptionCode.SCORE_NOT_FOUND, `no score stored for candidate ${candidateId}`);
    return toScoreView(record);
  }
}
