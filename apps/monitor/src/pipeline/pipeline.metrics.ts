// Prometheus gauges of the pipeline on the platform's /metrics (prom-client's
// default registry), computed on scrape from the same cached snapshot as the page.
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Gauge, register, type Registry } from 'prom-client';
import { GetPipelineSnapshotService } from './get-pipeline-snapshot.service';

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: L[], collect: (g: Gauge<L>) => Promise<void>): void {
  if (registry.getSingleMetric(name)) return; // a test may boot the app twice in one process
  new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      await collect(this);
    },
  });
}

@Injectable()
export class PipelineMetrics implements OnModuleInit {
  private readonly logger = new Logger(PipelineMetrics.name);

  constructor(private readonly snapshots: GetPipelineSnapshotService) {}

  onModuleInit(): void {
    const snapshot = async () => {
      try {
        return await this.snapshots.execute({});
      } catch (error) {
        // a scrape must not fail because the database is down: keep the last values
        this.logger.warn(`pipeline metrics unavailable: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    gauge(register, 'monitor_pipeline_candidates', 'Candidates that reached a stage, by the latest decision of that stage (decision="all": every one)', ['stage', 'decision'], async (g) => {
      const s = await snapshot();
      if (!s) return;
      const st = s.stages;
      g.set({ stage: 'sourced', decision: 'all' }, st.sourced);
      for (const stage of ['screened', 'scored'] as const) {
        g.set({ stage, decision: 'all' }, st[stage].total);
        for (const decision of ['advance', 'review', 'needs-interview', 'reject'] as const) g.set({ stage, decision }, st[stage][decision]);
      }
      g.set({ stage: 'offer', decision: 'all' }, st.offers.decided);
      g.set({ stage: 'offer', decision: 'approved' }, st.offers.approved);
      g.set({ stage: 'offer', decision: 'refused' }, st.offers.refused);
    });
    gauge(register, 'monitor_offer_refusals', 'Offers refused against the salary floor (distinct offer ids)', [], async (g) => {
      const s = await snapshot();
      if (s) g.set(s.stages.offers.refusals);
    });
    gauge(register, 'monitor_dlq_depth', 'Records waiting in a dead-letter topic (high minus low watermark)', ['topic'], async (g) => {
      const s = await snapshot();
      for (const d of s?.deadLetters ?? []) g.set({ topic: d.topic }, d.depth);
    });
    gauge(register, 'monitor_consumer_group_lag', 'Records a pipeline consumer group is behind, over its topics', ['group'], async (g) => {
      const s = await snapshot();
      for (const c of s?.consumerGroups ?? []) g.set({ group: c.group }, c.lag);
    });
  }
}
