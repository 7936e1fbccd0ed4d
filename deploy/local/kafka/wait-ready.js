#!/usr/bin/env node
// Readiness probe of the local broker: succeeds once a real Kafka metadata
// request (kafkajs admin listTopics) answers on KAFKA_BROKERS. An open port is
// not enough: the socket server accepts before the broker has joined the
// KRaft quorum and can serve metadata.
//
//   node deploy/local/kafka/wait-ready.js [--timeout-ms 90000] [--pid <broker pid>] [--brokers N] [--once]
//
// --brokers N (a cluster) also waits until N brokers are registered, so topics
// created next get all their replicas.
//
// --pid lets the probe give up at once when the broker process died (a bad
// config fails in a second; no point waiting for the deadline).
// Exit codes: 0 ready, 1 deadline passed, 2 broker process exited.
'use strict';

const { Kafka, logLevel } = require('kafkajs');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const timeoutMs = Number(arg('--timeout-ms', '90000'));
const pid = arg('--pid', '');
const once = process.argv.includes('--once');
const expectedBrokers = Number(arg('--brokers', '1'));
const intervalMs = 250;

function alive(p) {
  if (!p) return true;
  try {
    process.kill(Number(p), 0);
    return true;
  } catch {
    return false;
  }
}

async function probe() {
  const kafka = new Kafka({
    clientId: 'local-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    const { brokers: registered } = await admin.describeCluster();
    if (registered.length < expectedBrokers) {
      throw new Error(`${registered.length} of ${expectedBrokers} brokers registered`);
    }
    return topics;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function main() {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt made';
  for (;;) {
    try {
      const topics = await probe();
      console.log(`kafka answers metadata on ${brokers.join(',')} (${topics.length} topics)`);
      return 0;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    if (once) break;
    if (!alive(pid)) {
      console.error(`kafka process ${pid} exited before answering on ${brokers.join(',')}`);
      return 2;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  console.error(`kafka did not answer a metadata request on ${brokers.join(',')} within ${timeoutMs} ms: ${lastError}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
