import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RescreenReport } from '@hiring/contracts';
import { screenWithFeedback } from '@hiring/domain';
import { Clock } from '@hiring/platform';
import { ScreeningConfig } from '../screening.config';
import { InterviewFeedbackRepository } from '../feedback/interview-feedback.repository';
import { RubricCatalogue } from './rubric-catalogue';
import { ScreeningEventsPublisher } from './screening-events.publisher';
import { changedRules, toCandidateInputFromEntity, toScreening } from './screening.mapper';
import type { Screening } from './screening.model';
import { ScreeningRepository } from './screening.repository';

/** A row stored before per-rule states existed (JSON of rubric 2026-03 screenings from before migration 1764908000000). */
function lacksRuleState(screening: Screening): boolean {
  return screening.rules.some((rule) => (rule as Partial<Pick<typeof rule, 'state'>>).state === undefined);
}

export interface RescreenCommand {
  /** Replay under this version; default: the version in force today for each candidate's role. */
  rubricVersion?: string;
  /** Compute and report only; store and publish nothing. */
  dryRun?: boolean;
}

/**
 * Replays the rubric over every stored candidate profile, page by page (one
 * transaction per page, keyset order, nothing held beyond a page but the
 * report). A change is a different decision or a different verdict on any rule
 * from the latest stored screening; only changes are published.
 */
@Injectable()
export class RescreenCandidatesService {
  private readonly logger = new Logger('rescreen');

  constructor(
    private readonly repository: ScreeningRepository,
    private readonly rubrics: RubricCatalogue,
    private readonly publisher: ScreeningEventsPublisher,
    private readonly feedback: InterviewFeedbackRepository,
    private readonly clock: Clock,
    @Inject(ScreeningConfig) private readonly config: ScreeningConfig,
  ) {}

  async execute(command: RescreenCommand): Promise<RescreenReport> {
    const dryRun = command.dryRun ?? false;
    const version = command.rubricVersion ?? null;
    if (version !== null) this.rubrics.assertVersionExists(version);
    const report: RescreenReport = { dryRun, rubricVersion: version, total: 0, skipped: 0, stored: 0, published: 0, withoutRuleState: 0, changed: [] };
    const day = this.clock.today();
    const now = this.clock.now();
    this.logger.log(`re-screen started (rubric version ${version ?? 'in force'}, ${dryRun ? 'dry run' : 'storing'}, page ${this.config.RESCREEN_PAGE_SIZE})`);

    let after: string | null = null;
    for (let page = 1; ; page++) {
      const last: string | null = await this.repository.transaction(async (tx) => {
        const profiles = await this.repository.pageProfiles(tx, after, this.config.RESCREEN_PAGE_SIZE);
        if (profiles.length === 0) return null;
        const ids = profiles.map((p) => p.candidateId);
        const latest = await this.repository.findLatest(tx, ids);
        const feedback = await this.feedback.findByCandidates(tx, ids);
        const screenings: Screening[] = [];
        const changedIds = new Set<string>();
        for (const entity of profiles) {
          report.total++;
          const input = toCandidateInputFromEntity(entity);
          const rubric = version === null ? this.rubrics.inForce(input.role, day) : this.rubrics.byVersion(input.role, version);
          if (!rubric) {
            report.skipped++;
            continue;
          }
          const interviews = feedback.get(input.candidateId) ?? [];
          const screening = toScreening(input, screenWithFeedback(input.profile, rubric, interviews), now, interviews.length);
          screenings.push(screening);
          const before = latest.get(input.candidateId);
          if (before && lacksRuleState(before)) report.withoutRuleState++;
          const rules = before ? changedRules(before.rules, screening.rules) : screening.rules.map((r) => r.ruleId as string);
          if (!before || before.decision !== screening.decision || rules.length > 0) {
            changedIds.add(input.candidateId);
            report.changed.push({
              candidateId: input.candidateId,
              from: before?.decision ?? null,
              to: screening.decision,
              fromRubricVersion: before?.rubricVersion ?? null,
              toRubricVersion: screening.rubricVersion,
              rules,
            });
          }
        }
        if (!dryRun) {
          const stored = await this.repository.saveScreenings(tx, screenings);
          const toPublish = screenings.filter((s) => changedIds.has(s.candidateId) && stored.has(s.candidateId));
          await this.publisher.candidatesScreened(tx, toPublish);
          report.stored += stored.size;
          report.published += toPublish.length;
        }
        return profiles[profiles.length - 1].candidateId;
      });
      if (last === null) break;
      after = last;
      this.logger.log(`re-screen page ${page}: ${report.total} candidates so far, ${report.changed.length} changed, ${report.skipped} skipped`);
    }
    this.logger.log(
      `re-screen finished: ${report.total} candidates, ${report.changed.length} changed, ${report.withoutRuleState} stored without per-rule state, ${report.stored} stored, ${report.published} published, ${report.skipped} skipped`,
    );
    return report;
  }
}
