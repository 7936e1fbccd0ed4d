import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RescreenReport } from '@hiring/contracts';
import { screenWithFeedback } from '@hiring/domain';
import { Clock, Transactions } from '@hiring/platform';
import { CandidateKeysClient } from '../personal-data/candidate-keys.client';
import { keyOf, sealScreening } from '../personal-data/sealed-screening';
import { ScreeningConfig } from '../screening.config';
import { InterviewFeedbackRepository } from '../feedback/interview-feedback.repository';
import { RubricCatalogue } from './rubric-catalogue';
import { ScreeningEventsPublisher } from './screening-events.publisher';
import { changedRules, toCandidateInputFromEntity, toScreening } from './screening.mapper';
import type { CandidateInput, Screening } from './screening.model';
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
 * key lookup, then one transaction per page, keyset order, nothing held beyond
 * a page but the report). Erased candidates (no key) are skipped; profiles and
 * screenings stored before sealing come out sealed. A change is a different decision or a different verdict on any rule
 * from the latest stored screening; only changes are published.
 */
@Injectable()
export class RescreenCandidatesService {
  private readonly logger = new Logger('rescreen');

  constructor(
    private readonly repository: ScreeningRepository,
    private readonly transactions: Transactions,
    private readonly candidateKeys: CandidateKeysClient,
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
      // Read the page and fetch its keys (one lookup) before the page's transaction opens.
      const profiles = await this.repository.pageProfiles(this.transactions.reader, after, this.config.RESCREEN_PAGE_SIZE);
      if (profiles.length === 0) break;
      const ids = profiles.map((p) => p.candidateId);
      const [keys, latest, feedback] = await Promise.all([
        this.candidateKeys.lookup(ids),
        this.repository.findLatest(this.transactions.reader, ids),
        this.feedback.findByCandidates(this.transactions.reader, ids),
      ]);
      const screenings: Screening[] = [];
      const unsealed: CandidateInput[] = [];
      const changedIds = new Set<string>();
      for (const entity of profiles) {
        report.total++;
        const key = keys.keys.get(entity.candidateId);
        // No key: erased at sourcing (its rows here go when candidate-erased arrives); nothing to open or seal.
        if (!key) {
          report.skipped++;
          continue;
        }
        const input = toCandidateInputFromEntity(entity, key);
        // A profile stored before sealing is re-stored sealed with this page.
        if (entity.sealedProfile === null) unsealed.push(input);
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
        await this.transactions.run(async (tx) => {
          await this.repository.saveProfiles(tx, unsealed, keys.keys);
          const stored = await this.repository.saveScreenings(tx, screenings.map((s) => sealScreening(keyOf(keys.keys, s.candidateId), s)));
          const toPublish = screenings.filter((s) => changedIds.has(s.candidateId) && stored.has(s.candidateId));
          await this.publisher.candidatesScreened(tx, toPublish);
          report.stored += stored.size;
          report.published += toPublish.length;
        });
      }
      after = ids[ids.length - 1] ?? null;
      this.logger.log(`re-screen page ${page}: ${report.total} candidates so far, ${report.changed.length} changed, ${report.skipped} skipped`);
    }
    this.logger.log(
      `re-screen finished: ${report.total} candidates, ${report.changed.length} changed, ${report.withoutRuleState} stored without per-rule state, ${report.stored} stored, ${report.published} published, ${report.skipped} skipped`,
    );
    return report;
  }
}
