// Rubrics are code-versioned data in the domain; a screening names the one it
// was made with, and scoring uses exactly that one (never the one in force now).
import { Injectable } from '@nestjs/common';
import { SCREENING_RUBRICS, type ScreeningRubric } from '@hiring/domain';
import { ScoringException, ScoringExceptionCode } from '../shared/scoring.exception';

@Injectable()
export class RubricCatalogue {
  readonly rubrics: readonly ScreeningRubric[] = SCREENING_RUBRICS;

  get(id: string, version: string): ScreeningRubric {
    const rubric = this.rubrics.find((r) => r.id === id && r.version === version);
    if (!rubric) {
      throw new ScoringException(ScoringExceptionCode.UNKNOWN_RUBRIC, `unknown rubric ${id}@${version}`, [
        { path: 'data.rubric', message: `no rubric ${id}@${version} in this build` },
      ]);
    }
    return rubric;
  }
}
