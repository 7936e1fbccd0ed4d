// Which rubric applies: the domain's code-versioned SCREENING_RUBRICS, looked up
// by role and day (the version in force) or by an explicit version (a replay).
import { Injectable } from '@nestjs/common';
import { SCREENING_RUBRICS, selectRubric, type ScreeningRubric, type TargetRole } from '@hiring/domain';
import { ScreeningException, ScreeningExceptionCode } from '../shared/screening.exception';

@Injectable()
export class RubricCatalogue {
  readonly rubrics: readonly ScreeningRubric[] = SCREENING_RUBRICS;

  inForce(role: TargetRole, day: string): ScreeningRubric {
    return selectRubric(this.rubrics, role, day);
  }

  /** The rubric of `role` with `version`, or undefined when that role has no such version. */
  byVersion(role: TargetRole, version: string): ScreeningRubric | undefined {
    return this.rubrics.find((r) => r.role === role && r.version === version);
  }

  assertVersionExists(version: string): void {
    if (!this.rubrics.some((r) => r.version === version)) {
      const known = [...new Set(this.rubrics.map((r) => r.version))].join(', ');
      throw new ScreeningException(ScreeningExceptionCode.UNKNOWN_RUBRIC_VERSION, `no rubric has version "${version}" (known: ${known})`, [
        { path: 'rubricVersion', message: `unknown rubric version "${version}"` },
      ]);
    }
  }
}
