// Provisions every topic of the catalogue (TOPIC_SPECS in @hiring/contracts) on
// the broker at KAFKA_BROKERS. Idempotent: creates what is missing, grows a
// topic that has fewer partitions than its spec, and reports (never rewrites)
// config drift, because changing cleanup.policy or retention under running
// consumers is a decision for a human, not for a start script.
//
//   node -r @swc-node/register tools/provision-topics.ts
//
//   ... tools/provision-topics.ts --fix-config   also rewrites drifted configs
//
// Exit code 0 when every topic exists with at least its specified partitions;
// drift is printed as a warning. Run by deploy/local/infra.sh up.
import { TOPIC_SPECS, type TopicSpec } from '@hiring/contracts';
import { waitForTopicLeaders } from '@hiring/messaging';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';

/** Three copies where the cluster has three brokers; fewer cannot be placed. */
const MAX_REPLICATION_FACTOR = 3;

/** Replication factor for a cluster of `brokers` brokers. */
function replicationFactorFor(brokers: number): number {
  return Math.max(1, Math.min(MAX_REPLICATION_FACTOR, brokers));
}

interface Row {
  spec: TopicSpec;
  created: boolean;
  grown: boolean;
  /** Differences left as they are (config drift without --fix-config, too many partitions). */
  drift: boolean;
  partitions: number;
  replicas: number;
  notes: string[];
}

function brokersFromEnv(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** The topic-level configs a spec pins, as Kafka spells them. */
function desiredConfig(spec: TopicSpec): Record<string, string> {
  return {
    'cleanup.policy': spec.cleanupPolicy,
    'retention.ms': String(spec.retentionMs),
  };
}

interface TopicShape {
  partitions: number;
  /** The smallest replica count of any partition. */
  replicas: number;
}

async function topicShapes(admin: Admin, topics: string[]): Promise<Map<string, TopicShape>> {
  if (topics.length === 0) return new Map();
  const { topics: meta } = await admin.fetchTopicMetadata({ topics });
  return new Map(
    meta.map((t) => [t.name, { partitions: t.partitions.length, replicas: Math.min(...t.partitions.map((p) => p.replicas.length)) }]),
  );
}

async function currentConfigs(admin: Admin, topics: string[]): Promise<Map<string, Record<string, string>>> {
  if (topics.length === 0) return new Map();
  const configNames = ['cleanup.policy', 'retention.ms'];
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames })),
  });
  return new Map(
    resources.map((r) => [
      r.resourceName,
      Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue])),
    ]),
  );
}

async function provision(admin: Admin, specs: readonly TopicSpec[], fixConfig: boolean, replicationFactor: number): Promise<Row[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.name));
  const present = specs.filter((s) => existing.has(s.name));

  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((s) => ({
        topic: s.name,
        numPartitions: s.partitions,
        replicationFactor,
        configEntries: Object.entries(desiredConfig(s)).map(([name, value]) => ({ name, value })),
      })),
    });
    await waitForTopicLeaders(admin, missing.map((s) => s.name));
  }

  const shapes = await topicShapes(admin, present.map((s) => s.name));
  const configs = await currentConfigs(admin, present.map((s) => s.name));

  const toGrow = present.filter((s) => (shapes.get(s.name)?.partitions ?? 0) < s.partitions);
  if (toGrow.length > 0) {
    // Growing is safe to automate (keys remap, but no data is lost); shrinking
    // is impossible in Kafka, so more partitions than specified is only reported.
    await admin.createPartitions({
      topicPartitions: toGrow.map((s) => ({ topic: s.name, count: s.partitions })),
    });
  }

  const rows: Row[] = missing.map((spec) => ({
    spec,
    created: true,
    grown: false,
    drift: false,
    partitions: spec.partitions,
    replicas: replicationFactor,
    notes: [],
  }));
  const toFix: TopicSpec[] = [];
  for (const spec of present) {
    const notes: string[] = [];
    const actualPartitions = shapes.get(spec.name)?.partitions ?? 0;
    const replicas = shapes.get(spec.name)?.replicas ?? 0;
    const grown = actualPartitions < spec.partitions;
    let drift = false;
    if (grown) {
      notes.push(`partitions ${actualPartitions} -> ${spec.partitions}`);
    } else if (actualPartitions > spec.partitions) {
      notes.push(`has ${actualPartitions} partitions, spec says ${spec.partitions} (cannot shrink)`);
      drift = true;
    }
    if (replicas < replicationFactor) {
      // Adding replicas is a partition reassignment (kafka-reassign-partitions),
      // which moves data between brokers: a deliberate operation, not a start script's.
      notes.push(`${replicas} replicas, the cluster allows ${replicationFactor} (reassign partitions or recreate)`);
      drift = true;
    }
    const actual = configs.get(spec.name) ?? {};
    const configDrift = Object.entries(desiredConfig(spec)).filter(([name, want]) => actual[name] !== want);
    for (const [name, want] of configDrift) {
      notes.push(`${name}=${actual[name] ?? '(unset)'}${fixConfig ? ` -> ${want}` : `, spec says ${want}`}`);
    }
    if (configDrift.length > 0) {
      if (fixConfig) toFix.push(spec);
      else drift = true;
    }
    rows.push({ spec, created: false, grown, drift, partitions: Math.max(actualPartitions, spec.partitions), replicas, notes });
  }
  if (toFix.length > 0) {
    // alterConfigs replaces a topic's whole dynamic config; the spec pins
    // exactly these keys, so setting them all is the intended end state.
    await admin.alterConfigs({
      validateOnly: false,
      resources: toFix.map((s) => ({
        type: ConfigResourceTypes.TOPIC,
        name: s.name,
        configEntries: Object.entries(desiredConfig(s)).map(([name, value]) => ({ name, value })),
      })),
    });
  }
  const order = new Map(specs.map((s, i) => [s.name, i]));
  return rows.sort((a, b) => (order.get(a.spec.name) ?? 0) - (order.get(b.spec.name) ?? 0));
}

function outcomeOf(r: Row): string {
  if (r.created) return 'created';
  const parts = [r.grown && 'grown', r.drift && 'drift', !r.grown && !r.drift && r.notes.length > 0 && 'fixed'];
  return parts.filter(Boolean).join('+') || 'ok';
}

function printSummary(rows: Row[], brokers: string[], clusterSize: number): void {
  const width = Math.max(...rows.map((r) => r.spec.name.length));
  console.log(`[topics] ${rows.length} topics on ${brokers.join(',')} (${clusterSize} broker(s), replication factor ${replicationFactorFor(clusterSize)}):`);
  for (const r of rows) {
    const retention = r.spec.retentionMs < 0 ? 'forever' : `${Math.round(r.spec.retentionMs / 86_400_000)}d`;
    const line = `  ${r.spec.name.padEnd(width)}  ${String(r.partitions).padStart(2)}p  x${r.replicas}  ${r.spec.cleanupPolicy.padEnd(7)}  ${retention.padEnd(7)}  ${outcomeOf(r)}`;
    console.log(r.notes.length > 0 ? `${line}: ${r.notes.join('; ')}` : line);
  }
  const created = rows.filter((r) => r.created).length;
  const grown = rows.filter((r) => r.grown).length;
  const drift = rows.filter((r) => r.drift).length;
  const untouched = rows.filter((r) => !r.created && r.notes.length === 0).length;
  console.log(`[topics] created ${created}, unchanged ${untouched}, grown ${grown}, drift ${drift}`);
  if (drift > 0) {
    console.warn('[topics] WARN: drift is reported, not fixed: re-run with --fix-config, or recreate those topics deliberately.');
  }
}

async function main(): Promise<void> {
  const brokers = brokersFromEnv();
  const kafka = new Kafka({ clientId: 'provision-topics', brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // The replication factor follows the cluster actually reached, not the
    // bootstrap list: one address can front a whole cluster.
    const { brokers: registered } = await admin.describeCluster();
    const rows = await provision(admin, TOPIC_SPECS, process.argv.includes('--fix-config'), replicationFactorFor(registered.length));
    printSummary(rows, brokers, registered.length);
  } finally {
    await admin.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error('[topics] ERROR:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
