import { Injectable } from '@nestjs/common';
import { MonitorConfig } from '../monitor.config';
import { Clock } from '../shared/clock';
import { BrokerBacklogReader, type DeadLetterDepth, type GroupLag } from './broker-backlog.reader';
import { CandidateStageRepository, type PipelineFilter } from './candidate-stage.repository';
import { pipelineStats, type PipelineStats } from './pipeline-stats';

export interface PipelineSnapshot extends PipelineStats {
  generatedAt: string;
  filter: PipelineFilter;
  targets: { firstQualifiedDays: number };
  deadLetters: DeadLetterDepth[];
  consumerGroups: GroupLag[];
  broker: { ok: boolean; checkedAt: string; error?: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Streams of several viewers with the same filter share one computation per interval. */
const SNAPSHOT_REUSE_MS = 1000;

@Injectable()
export class GetPipelineSnapshotService {
  private readonly recent = new Map<string, { at: number; value: Promise<PipelineSnapshot> }>();

  constructor(
    private readonly repository: CandidateStageRepository,
    private readonly broker: BrokerBacklogReader,
    private readonly clock: Clock,
    private readonly config: MonitorConfig,
  ) {}

  async execute(filter: PipelineFilter = {}): Promise<PipelineSnapshot> {
    const key = `${filter.agencyId ?? ''}\u0000${filter.requisitionId ?? ''}`;
    const now = this.clock.now().getTime();
    for (const [k, v] of this.recent) if (now - v.at >= SNAPSHOT_REUSE_MS) this.recent.delete(k);
    const hit = this.recent.get(key);
    if (hit) return hit.value;
    const value = this.compute(filter);
    this.recent.set(key, { at: now, value });
    value.catch(() => this.recent.delete(key));
    return value;
  }

  private async compute(filter: PipelineFilter): Promise<PipelineSnapshot> {
    const [rows, backlog] = await Promise.all([this.repository.rows(filter), this.broker.read()]);
    const starts = await this.repository.requisitionStarts(rows.flatMap((r) => (r.requisitionId ? [r.requisitionId] : [])));
    const now = this.clock.now();
    const stats = pipelineStats(rows, starts, { now, firstQualifiedTargetMs: this.config.MONITOR_FIRST_QUALIFIED_TARGET_DAYS * DAY_MS });
    return {
      generatedAt: now.toISOString(),
      filter: { ...(filter.agencyId ? { agencyId: filter.agencyId } : {}), ...(filter.requisitionId ? { requisitionId: filter.requisitionId } : {}) },
      targets: { firstQualifiedDays: this.config.MONITOR_FIRST_QUALIFIED_TARGET_DAYS },
      ...stats,
      deadLetters: backlog.deadLetters,
      consumerGroups: backlog.groups,
      broker: { ok: backlog.ok, checkedAt: backlog.checkedAt, ...(backlog.error ? { error: backlog.error } : {}) },
    };
  }
}
