#!/usr/bin/env node
// The read-model part of GET /v1/pipeline, timed in process (lane 16a,
// docs/monitor.md "Snapshot at scale"): GetPipelineSnapshotService.execute
// of one or two monitor builds (their dist folders) against the same
// database, broker and directory stubbed, a fresh service per call so no
// snapshot is reused (snapshot-reuse.ts would serve HTTP requests from
// cache). Builds alternate A/B, B/A, … per filter so both see the same load;
// prints p50 and max in ms per filter and build.
//   DATABASE_URL=... RUNS=6 node tools/bench/monitor/snapshot-gather.js <dist> [<other dist>]
'use strict';
const path = require('node:path');

const dists = process.argv.slice(2).map((d) => path.resolve(d));
if (dists.length === 0) {
  console.error('usage: node snapshot-gather.js <dist folder of a build> [<dist folder of another build>]');
  process.exit(2);
}
const runs = Number(process.env.RUNS ?? 6);
const filters = ['', 'agencyId=fill-agency-7', 'requisitionId=fill-req-42', 'role=tech-lead&period=30d', 'period=7d', 'period=24h', 'agencyId=fill-agency-7&period=90d'];

function build(dist) {
  const req = (p) => require(path.join(dist, p));
  const { createServiceDataSource, Clock } = req('libs/platform/src');
  const { MONITOR_DATABASE } = req('apps/monitor/src/database/monitor.database');
  const { CandidateStageRepository } = req('apps/monitor/src/pipeline/candidate-stage.repository');
  const { GetPipelineSnapshotService } = req('apps/monitor/src/pipeline/get-pipeline-snapshot.service');
  const dataSource = createServiceDataSource({ url: process.env.DATABASE_URL, service: 'monitor-bench', ...MONITOR_DATABASE, poolSize: 4 });
  const clock = new (class extends Clock { now() { return new Date(); } })();
  const broker = { read: async () => ({ ok: true, checkedAt: new Date().toISOString(), deadLetters: [], groups: [] }) };
  const directory = { read: async () => ({ ok: true, checkedAt: new Date().toISOString(), agencies: [], requisitions: [], webhooks: [] }) };
  const config = { MONITOR_FIRST_QUALIFIED_TARGET_DAYS: 3 };
  return {
    dist,
    dataSource,
    snapshot: (filter) => new GetPipelineSnapshotService(new CandidateStageRepository(dataSource), broker, clock, config, directory).execute(filter),
  };
}

const p50 = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

(async () => {
  const builds = dists.map(build);
  for (const b of builds) await b.dataSource.initialize();
  for (const f of filters) {
    const filter = Object.fromEntries(new URLSearchParams(f));
    const times = builds.map(() => []);
    for (let i = 0; i < runs; i += 1) {
      const order = builds.map((_, k) => k);
      if (i % 2 === 1) order.reverse();
      for (const k of order) {
        const t0 = process.hrtime.bigint();
        await builds[k].snapshot(filter);
        times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    builds.forEach((b, k) => console.log(`${(f || '(none)').padEnd(36)} ${b.dist.padEnd(28)} p50 ${p50(times[k]).toFixed(0).padStart(6)} ms  max ${Math.max(...times[k]).toFixed(0).padStart(6)} ms  (n=${runs})`));
  }
  for (const b of builds) await b.dataSource.destroy();
})().catch((e) => { console.error(e); process.exit(1); });
