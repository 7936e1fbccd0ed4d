import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { MonitorConfig } from '../monitor.config';
import { BrokerBacklogReader, type DeadLetterDepth, type GroupLag } from './broker-backlog.reader';
import { CandidateStageRepository, type PipelineFilter, type SnapshotScope } from './candidate-stage.repository';
import { DirectoryReader, type Directory } from './directory.reader';
import { pipelineStats, type PipelineStats } from './pipeline-stats';
import { SnapshotReuse } from './snapshot-reuse';
import { earliestSeenAt, periodStart, requisitionStats, timeline, timelineFrame, type Period, type RequisitionStats, type Timeline } from './pipeline-views';

export interface PipelineSnapshot extends PipelineStats {
  generatedAt: string;
  filter: PipelineFilter;
  targets: {
    firstQualifiedDays: number;
    /** hiring-rules §6: time to hire an AI Tech Lead in-house (3–5 months) and through a specialist agency (4–8 weeks), in days. */
    inHouseDays: { min: number; max: number };
    agencyDays: { min: number; max: number };
  };
  /** Per requisition seen in the (filtered) rows, with its title, role and location when sourcing answered. */
  requisitions: RequisitionStats[];
  timeline: Timeline;
  /** Agency names and requisitions from sourcing (empty with ok=false when it did not answer: the page shows ids). */
  directory: Directory;
  deadLetters: DeadLetterDepth[];
  consumerGroups: GroupLag[];
  broker: { ok: boolean; checkedAt: string; error?: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const IN_HOUSE_DAYS = { min: 90, max: 150 };
const AGENCY_DAYS = { min: 28, max: 56 };

@Injectable()
export class GetPipelineSnapshotService {
  /** Streams, page loads and scrapes with the same filter share computations (snapshot-reuse.ts). */
  private readonly reuse: SnapshotReuse<PipelineSnapshot>;

  constructor(
    private readonly repository: CandidateStageRepository,
    private readonly broker: BrokerBacklogReader,
    private readonly clock: Clock,
    private readonly config: MonitorConfig,
    private readonly directory: DirectoryReader,
  ) {
    this.reuse = new SnapshotReuse(() => this.clock.now().getTime());
  }

  async execute(filter: PipelineFilter = {}): Promise<PipelineSnapshot> {
    const key = [filter.agencyId, filter.requisitionId, filter.role, filter.period].map((v) => v ?? '').join('\u0000');
    return this.reuse.get(key, () => this.compute(filter));
  }

  private async compute(filter: PipelineFilter): Promise<PipelineSnapshot> {
    const now = this.clock.now();
    const period = filter.period ?? 'all';
    const [gathered, backlog, directory] = await Promise.all([this.gather(filter, period, now), this.broker.read(), this.directory.read()]);
    const { cohorts, steps, starts, buckets, frame } = gathered;
    const stats = pipelineStats(cohorts, steps, starts, { now, firstQualifiedTargetMs: this.config.MONITOR_FIRST_QUALIFIED_TARGET_DAYS * DAY_MS });
    const opened = new Map(directory.requisitions.map((r) => [r.id, new Date(r.openedAt)]));
    return {
      generatedAt: now.toISOString(),
      filter: {
        ...(filter.agencyId ? { agencyId: filter.agencyId } : {}),
        ...(filter.requisitionId ? { requisitionId: filter.requisitionId } : {}),
        ...(filter.role ? { role: filter.role } : {}),
        ...(filter.period ? { period: filter.period } : {}),
      },
      targets: { firstQualifiedDays: this.config.MONITOR_FIRST_QUALIFIED_TARGET_DAYS, inHouseDays: IN_HOUSE_DAYS, agencyDays: AGENCY_DAYS },
      ...stats,
      requisitions: requisitionStats(cohorts, starts, (id) => opened.get(id)),
      timeline: timeline(frame, buckets),
      directory,
      deadLetters: backlog.deadLetters,
      consumerGroups: backlog.groups,
      broker: { ok: backlog.ok, checkedAt: backlog.checkedAt, ...(backlog.error ? { error: backlog.error } : {}) },
    };
  }

  /**
   * What the numbers are computed from, grouped in Postgres (a few queries
   * whose answers grow with agencies × requisitions × decisions and timeline
   * buckets, not with candidates). The timeline's frame for 'all' depends on
   * the first candidate seen, so its buckets are read after the cohorts.
   */
  private async gather(filter: PipelineFilter, period: Period, now: Date) {
    const scope: SnapshotScope = { agencyId: filter.agencyId, requisitionId: filter.requisitionId, role: filter.role, since: periodStart(period, now) };
    const [cohorts, steps] = await Promise.all([this.repository.cohorts(scope), this.repository.stepDurations(scope)]);
    const frame = timelineFrame(period, now, earliestSeenAt(cohorts));
    const [buckets, starts] = await Promise.all([
      this.repository.timelineBuckets(scope, frame),
      this.repository.requisitionStarts(cohorts.flatMap((c) => (c.requisitionId ? [c.requisitionId] : []))),
    ]);
    return { cohorts, steps, starts, buckets, frame };
  }
}
