// The whole pipeline as built (dist/), each service its own process on the
// real Kafka and Postgres: every one becomes ready and drains on SIGTERM.
// While they run, the Grafana dashboard under deploy/grafana and the alerting
// rules under deploy/prometheus are checked against what their /metrics
// really offer (names read from the live registries, not from a list kept
// beside the dashboard): a renamed metric fails here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exposedMetricNames, promqlMetricNames, ServiceProcess, testDatabaseUrl, testKafkaBrokers } from '@hiring/testing';

const DASHBOARD = resolve(__dirname, '../deploy/grafana/hiring-pipeline.dashboard.json');
const ALERT_RULES = resolve(__dirname, '../deploy/prometheus/hiring-pipeline.rules.yaml');
/** Series Prometheus makes itself for every scrape target, not in any /metrics. */
const PROMETHEUS_SERIES = new Set(['up']);

interface Dashboard {
  panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
  templating: { list: Array<{ name: string; query?: string | { query: string } }> };
}

/** Every PromQL query of the dashboard: panel targets and variable queries, each with where it is. */
function dashboardQueries(dashboard: Dashboard): Array<{ where: string; expr: string }> {
  const targets = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel "${p.title}"`, expr: t.expr })));
  const variables = dashboard.templating.list.flatMap((v) =>
    typeof v.query === 'object' ? [{ where: `variable ${v.name}`, expr: v.query.query }] : [],
  );
  return [...targets, ...variables];
}

/**
 * Every alert's expression. The file is generated (tools/prometheus/alert-rules.ts,
 * checked by the lint tier) with each `expr` one JSON-quoted line; an alert
 * without such a line fails the count, so none escapes the check.
 */
function alertRuleQueries(text: string): Array<{ where: string; expr: string }> {
  const alerts = [...text.matchAll(/^\s+- alert: (\S+)$/gm)].map((m) => m[1] ?? '');
  const exprs = [...text.matchAll(/^\s+expr: (".*")$/gm)].map((m) => JSON.parse(m[1] ?? '""') as string);
  if (alerts.length === 0 || alerts.length !== exprs.length) throw new Error(`${ALERT_RULES}: ${alerts.length} alerts but ${exprs.length} one-line exprs`);
  return alerts.map((alert, i) => ({ where: `alert ${alert}`, expr: exprs[i] ?? '' }));
}

const SERVICES = ['sourcing', 'screening', 'scoring', 'offer', 'monitor'];

describe('pipeline boot', () => {
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.filter((s) => s.running).map((s) => s.stop('SIGKILL')));
  });

  it('starts every service from the build, ready together, and stops them cleanly', async () => {
    for (const app of SERVICES) {
      running.push(
        await ServiceProcess.start({
          app,
          from: 'dist',
          env: { DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(',') },
        }),
      );
    }
    await Promise.all(running.map((s) => s.waitUntilReady(90_000)));

    const exported = new Set<string>();
    for (const service of running) {
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      for (const name of exposedMetricNames(metrics)) exported.add(name);
      // HTTP latency is labelled by route template (the readiness probes above were served).
      expect(metrics).toMatch(/^http_server_request_duration_seconds_count\{[^}]*route="\/health\/ready"[^}]*status_code="200"[^}]*\} [1-9]/m);
    }
    const queries = dashboardQueries(JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard);
    const unknown = queries.flatMap((q) => promqlMetricNames(q.expr).filter((n) => !exported.has(n)).map((n) => `${q.where}: ${n}`));
    expect(unknown).toEqual([]);
    const alerts = alertRuleQueries(readFileSync(ALERT_RULES, 'utf8'));
    const unknownInAlerts = alerts.flatMap((q) => promqlMetricNames(q.expr).filter((n) => !exported.has(n) && !PROMETHEUS_SERIES.has(n)).map((n) => `${q.where}: ${n}`));
    expect(unknownInAlerts).toEqual([]);
    const alerted = new Set(alerts.flatMap((q) => promqlMetricNames(q.expr)));
    // What the alerts must watch: a service down, parked events, dead letters, lag, the outbox backlog.
    for (const name of ['up', 'messaging_outbox_parked', 'messaging_messages_dead_lettered_total', 'messaging_consumer_lag', 'messaging_outbox_backlog']) {
      expect(alerted).toContain(name);
    }
    const queried = new Set(queries.flatMap((q) => promqlMetricNames(q.expr)));
    // What the issue asks the dashboard to show: throughput, handler latency and batch sizes, lag, outbox backlog, dead letters, HTTP.
    for (const name of [
      'messaging_messages_processed_total',
      'messaging_batch_duration_seconds_bucket',
      'messaging_batch_duration_seconds_count',
      'messaging_consumer_lag',
      'messaging_outbox_backlog',
      'messaging_messages_dead_lettered_total',
      'monitor_dlq_depth',
      'http_server_request_duration_seconds_bucket',
    ]) {
      expect(queried).toContain(name);
    }

    for (const service of running) {
      const openapi = (await (await fetch(`${service.url}/docs/openapi.json`)).json()) as { info: { title: string } };
      expect(openapi.info.title).toBe(`Hiring pipeline: ${service.app}`);
    }

    const exits = await Promise.all(running.map((s) => s.stop('SIGTERM')));
    expect(exits).toEqual(SERVICES.map(() => ({ code: 0, signal: null })));
  });
});
