import { Injectable } from '@nestjs/common';
import { CandidateKeysClient } from '../personal-data/candidate-keys.client';
import { openScreening } from '../personal-data/sealed-screening';
import { ScreeningException, ScreeningExceptionCode } from '../shared/screening.exception';
import { toScreeningView, type ScreeningView } from './screening.mapper';
import { ScreeningRepository } from './screening.repository';

export interface CandidateScreenings {
  candidateId: string;
  latest: ScreeningView;
  /** Every screening, newest first (one per rubric version and revision). */
  history: ScreeningView[];
}

@Injectable()
export class GetScreeningsService {
  constructor(
    private readonly repository: ScreeningRepository,
    private readonly candidateKeys: CandidateKeysClient,
  ) {}

  async execute(candidateId: string): Promise<CandidateScreenings> {
    const history = await this.repository.findHistory(candidateId);
    if (history.length === 0) {
      throw new ScreeningException(ScreeningExceptionCode.CANDIDATE_NOT_FOUND, `no screening stored for candidate ${candidateId}`);
    }
    // Evidence and probes opened with the candidate's key; an erased candidate's read "erased".
    const key = (await this.candidateKeys.lookup([candidateId])).keys.get(candidateId);
    const views = history.map((s) => toScreeningView(openScreening(s, key)));
    return { candidateId, latest: views[0], history: views };
  }
}
