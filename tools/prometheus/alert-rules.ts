// Writes deploy/prometheus/hiring-pipeline.rules.yaml, the Prometheus alerting
// rules of the pipeline, from the list below: each rule says what is wrong and
// what ops do about it (the `hiring` command, the doc). Generated, like the
// KafkaTopics, so the file is always valid YAML of one shape (every `expr` one
// JSON-quoted line), which test/pipeline-boot.e2e-spec.ts reads to check each
// expression against the metrics the running services really export.
//
//   node -r @swc-node/register tools/prometheus/alert-rules.ts          rewrite the file
//   node -r @swc-node/register tools/prometheus/alert-rules.ts --check  exit 1 if it differs (lint tier)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FILE = resolve(__dirname, '../../deploy/prometheus/hiring-pipeline.rules.yaml');
const DOCS = 'docs/deployment.md#alert-rules';

export interface AlertRule {
  alert: string;
  expr: string;
  /** How long the condition holds before the alert fires (a Prometheus duration). */
  for: string;
  severity: 'critical' | 'warning' | 'info';
  /** One line, with the labels that say where (Prometheus templates: {{ $labels.x }}). */
  summary: string;
  /** What it means and what to do: the command to run. */
  description: string;
}

/** Lag summed over a group's partitions, each counted once however many instances report it. */
const GROUP_LAG = 'sum by (group, topic) (max by (group, topic, partition) (messaging_consumer_lag))';

export const ALERT_RULES: readonly AlertRule[] = [
  {
    alert: 'HiringServiceDown',
    expr: 'up{job="hiring"} == 0',
    for: '2m',
    severity: 'critical',
    summary: 'hiring service {{ $labels.instance }} is not answering /metrics',
    description:
      'Prometheus cannot scrape {{ $labels.instance }} for 2 minutes: the process is down or hung. Check `npm run status` (local) or the pod, its logs and /health/ready. Events wait in Kafka and in the outbox meanwhile; nothing is lost. The job matcher (job="hiring") must name your scrape job.',
  },
  {
    alert: 'OutboxEventsParked',
    expr: 'max by (schema) (messaging_outbox_parked) > 0',
    for: '1m',
    severity: 'warning',
    summary: '{{ $value }} event(s) parked in {{ $labels.schema }}.outbox_parked: Kafka refused them as too large',
    description:
      'The outbox relay of {{ $labels.schema }} parked events Kafka refuses as too large (the events behind them went on; these are missing downstream). List them: `hiring outbox parked {{ $labels.schema }}` (topic, key, size, reason). Raise the topic\'s max.message.bytes above the size, then `hiring outbox replay {{ $labels.schema }} --all`; one still too large is parked again. See docs/messaging.md ("An event Kafka refuses as too large") and docs/cli.md.',
  },
  {
    alert: 'DeadLettersWritten',
    expr: 'sum by (service, topic, reason) (increase(messaging_messages_dead_lettered_total[10m])) > 0',
    for: '0m',
    severity: 'warning',
    summary: '{{ $labels.service }} dead-lettered {{ $value | humanize }} event(s) of {{ $labels.topic }} in 10 minutes ({{ $labels.reason }})',
    description:
      '{{ $labels.service }} refused events of {{ $labels.topic }} and wrote them to {{ $labels.topic }}.dlq with the reason. Inspect: `hiring dlq list {{ $labels.topic }}`, then `hiring dlq show {{ $labels.topic }} <partition> <offset>`. Fix the cause (producer, contract, data), then `hiring dlq replay {{ $labels.topic }} <partition> <offset>`. See docs/cli.md and docs/messaging.md.',
  },
  {
    alert: 'DeadLettersWaiting',
    expr: 'max by (topic) (monitor_dlq_depth) > 0',
    for: '24h',
    severity: 'info',
    summary: '{{ $value }} dead letter(s) waiting on {{ $labels.topic }} for a day',
    description:
      'Dead letters are kept (30 days) until someone looks at them. `hiring dlq list {{ $labels.topic }}` shows them with their reasons; replay what was fixed, and expect retention to drop the rest.',
  },
  {
    alert: 'ConsumerLagHigh',
    expr: `${GROUP_LAG} > 10000`,
    for: '10m',
    severity: 'warning',
    summary: 'consumer group {{ $labels.group }} is {{ $value | humanize }} records behind on {{ $labels.topic }} for 10 minutes',
    description:
      'The group does not keep up with what is produced. Check that it is not paused (ConsumptionPaused), `hiring status` for where the pipeline waits, and scale the service out (docs/scaling.md); KEDA does it on Kubernetes.',
  },
  {
    alert: 'ConsumptionPaused',
    expr: 'max by (service, topic) (messaging_consumer_paused) == 1',
    for: '5m',
    severity: 'critical',
    summary: '{{ $labels.service }} has paused {{ $labels.topic }} for 5 minutes: its database is unavailable',
    description:
      'A service pauses consumption while its Postgres is unreachable and resumes by itself when it answers (docs/messaging.md); nothing is lost, but the pipeline stands still. Check the database (connections, disk, failover) and /health/ready of {{ $labels.service }}.',
  },
  {
    alert: 'OutboxBacklogGrowing',
    expr: 'max by (schema) (messaging_outbox_backlog) > 1000 and max by (schema) (deriv(messaging_outbox_backlog[10m])) > 0',
    for: '10m',
    severity: 'warning',
    summary: 'the {{ $labels.schema }} outbox holds {{ $value | humanize }} unpublished events and keeps growing',
    description:
      'The relay of {{ $labels.schema }} publishes slower than events are written, for 10 minutes. Check Kafka (brokers, produce errors in the service logs) and the service\'s CPU; a parked event does not block the relay (OutboxEventsParked).',
  },
  {
    alert: 'OutboxRelayStuck',
    expr: 'max by (schema) (messaging_outbox_oldest_age_seconds) > 300',
    for: '5m',
    severity: 'critical',
    summary: 'the oldest unpublished event in the {{ $labels.schema }} outbox is {{ $value | humanizeDuration }} old',
    description:
      'Nothing from {{ $labels.schema }} reaches Kafka: the relay is down, cannot reach Kafka, or fails on every send. Look for "outbox relay" errors in the service log and check Kafka; the events wait in the outbox and are published once it recovers.',
  },
  {
    alert: 'InboxPruneFailing',
    // The failed series appears at its first failure, which increase() cannot see: 2 here is 3 failed hourly runs.
    expr: 'sum by (schema) (increase(messaging_inbox_prune_runs_total{outcome="failed"}[4h])) >= 2',
    for: '0m',
    severity: 'warning',
    summary: 'inbox pruning of {{ $labels.schema }} keeps failing',
    description:
      'The inbox pruner of {{ $labels.schema }} failed several hourly runs in a row, so consumed-event ids past INBOX_RETENTION_DAYS are piling up (nothing is lost: the table grows and claims slow down). Look for "inbox prune failed" warnings in the service log (database reachable? a statement timeout?); the next successful run deletes the backlog in batches.',
  },
];

const DURATION = /^(0|[1-9][0-9]*)(ms|s|m|h|d)$/;

function renderRule(r: AlertRule): string[] {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(r.alert)) throw new Error(`alert name ${r.alert} must be UpperCamelCase`);
  if (!DURATION.test(r.for)) throw new Error(`${r.alert}: for ${r.for} is not a Prometheus duration`);
  // JSON strings are YAML double-quoted scalars: one line, every character escaped the same way.
  return [
    `      - alert: ${r.alert}`,
    `        expr: ${JSON.stringify(r.expr)}`,
    `        for: ${r.for}`,
    '        labels:',
    `          severity: ${r.severity}`,
    '          system: hiring-pipeline',
    '        annotations:',
    `          summary: ${JSON.stringify(r.summary)}`,
    `          description: ${JSON.stringify(r.description)}`,
    `          runbook: ${JSON.stringify(DOCS)}`,
  ];
}

export function renderRules(rules: readonly AlertRule[] = ALERT_RULES): string {
  return [
    '# Prometheus alerting rules of the hiring pipeline (rule_files: in prometheus.yml).',
    '# GENERATED by tools/prometheus/alert-rules.ts: edit the list there, then run',
    '#   node -r @swc-node/register tools/prometheus/alert-rules.ts',
    '# With the Prometheus Operator, put `groups` under the spec of a PrometheusRule. See docs/deployment.md.',
    'groups:',
    '  - name: hiring-pipeline',
    '    rules:',
    ...rules.flatMap(renderRule),
    '',
  ].join('\n');
}

if (require.main === module) {
  const rendered = renderRules();
  if (process.argv.includes('--check')) {
    if (readFileSync(FILE, 'utf8') !== rendered) {
      console.error(`${FILE} is not what tools/prometheus/alert-rules.ts renders: run it (node -r @swc-node/register tools/prometheus/alert-rules.ts)`);
      process.exit(1);
    }
    console.log(`[prometheus] ${ALERT_RULES.length} alert rules match tools/prometheus/alert-rules.ts`);
  } else {
    writeFileSync(FILE, rendered);
    console.log(`[prometheus] wrote ${FILE} (${ALERT_RULES.length} alert rules)`);
  }
}
