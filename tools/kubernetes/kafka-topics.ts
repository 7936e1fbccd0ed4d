// Writes deploy/kubernetes/base/kafka/topics.yaml: one Strimzi KafkaTopic per
// entry of the topic catalogue (TOPIC_SPECS in @hiring/contracts), so the
// cluster on Kubernetes has exactly the topics, partitions and configs that
// tools/provision-topics.ts gives the local one.
//
//   node -r @swc-node/register tools/kubernetes/kafka-topics.ts          rewrite the file
//   node -r @swc-node/register tools/kubernetes/kafka-topics.ts --check  exit 1 if it differs (lint tier)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TOPIC_SPECS, type TopicSpec } from '@hiring/contracts';

const FILE = resolve(__dirname, '../../deploy/kubernetes/base/kafka/topics.yaml');
const REPLICAS = 3;

function topic(spec: TopicSpec): string {
  return [
    '---',
    'apiVersion: kafka.strimzi.io/v1',
    'kind: KafkaTopic',
    'metadata:',
    `  name: ${spec.name}`,
    '  labels:',
    '    strimzi.io/cluster: hiring',
    '    app.kubernetes.io/component: platform',
    'spec:',
    `  partitions: ${spec.partitions}`,
    `  replicas: ${REPLICAS}`,
    '  config:',
    `    cleanup.policy: ${spec.cleanupPolicy}`,
    `    retention.ms: ${spec.retentionMs}`,
    '    min.insync.replicas: 2',
  ].join('\n');
}

function renderTopics(specs: readonly TopicSpec[]): string {
  const header = '# Generated from TOPIC_SPECS (libs/contracts/src/topics.ts) by tools/kubernetes/kafka-topics.ts; do not edit.\n';
  return `${header}${specs.map(topic).join('\n')}\n`;
}

const wanted = renderTopics(TOPIC_SPECS);
if (process.argv.includes('--check')) {
  const current = readFileSync(FILE, 'utf8');
  if (current !== wanted) {
    console.error(`${FILE} differs from the topic catalogue: run node -r @swc-node/register tools/kubernetes/kafka-topics.ts`);
    process.exitCode = 1;
  } else {
    console.log(`[kubernetes] ${TOPIC_SPECS.length} KafkaTopics match the catalogue`);
  }
} else {
  writeFileSync(FILE, wanted);
  console.log(`[kubernetes] wrote ${TOPIC_SPECS.length} KafkaTopics to ${FILE}`);
}
