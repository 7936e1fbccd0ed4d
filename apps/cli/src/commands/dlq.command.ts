import type { Command } from 'commander';
import { listDeadLetters, replayDeadLetter, type DeadLetter, type ReplayResult } from '@hiring/messaging/dead-letters';
import { CliInputError } from '../io/cli-error';
import { type CommandResult, type OutputOptions, runAction } from '../io/run-action';
import { readDeadLetter } from '../kafka/dead-letter-reader';
import { dlqTopicPairs, parseNonNegativeInteger, resolveDlqTopic } from '../kafka/dlq-topics';
import { READ_TIMEOUT_MS, withKafka, type KafkaSession, type PartitionOffsets } from '../kafka/kafka-session';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100_000;

interface ListOptions extends OutputOptions {
  limit?: string;
}

function reasonCode(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason || '(no reason)';
}

function depthOf(offsets: PartitionOffsets[]): number {
  return Number(offsets.reduce((sum, o) => sum + (o.high - o.low), 0n));
}

/** The original bytes as the most readable thing they are: JSON, text, or base64. */
function decodeValue(value: Buffer | null): { encoding: 'json' | 'utf8' | 'base64' | 'null'; value: unknown } {
  if (value === null) return { encoding: 'null', value: null };
  const text = value.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(value)) return { encoding: 'base64', value: value.toString('base64') };
  try {
    return { encoding: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { encoding: 'utf8', value: text };
  }
}

function letterJson(d: DeadLetter) {
  return {
    dlqTopic: d.dlqTopic,
    partition: d.partition,
    offset: d.offset,
    key: d.key,
    failedAt: d.failedAt,
    reasonCode: reasonCode(d.reason),
    reason: d.reason,
    errors: d.errors,
    sourceTopic: d.sourceTopic,
    sourcePartition: d.sourcePartition,
    sourceOffset: d.sourceOffset,
    consumerGroup: d.consumerGroup,
    attempts: d.attempts,
  };
}

function firstErrorPaths(d: DeadLetter, n = 3): string {
  if (d.errors.length === 0) return '';
  const paths = d.errors.slice(0, n).map((e) => e.path || '(root)');
  return `${paths.join(', ')}${d.errors.length > n ? `, +${d.errors.length - n} more` : ''}`;
}

async function listDepths(session: KafkaSession): Promise<CommandResult> {
  const rows = [];
  for (const pair of dlqTopicPairs()) {
    const offsets = await session.offsets(pair.dlqTopic);
    rows.push({ topic: pair.dlqTopic, sourceTopic: pair.sourceTopic, provisioned: offsets !== undefined, depth: offsets ? depthOf(offsets) : null });
  }
  const width = Math.max(...rows.map((r) => r.topic.length));
  const summary = [
    `${'dead-letter topic'.padEnd(width)}  depth`,
    ...rows.map((r) => `${r.topic.padEnd(width)}  ${r.depth === null ? 'not provisioned (npm run infra:up)' : String(r.depth).padStart(5)}`),
    `total ${rows.reduce((s, r) => s + (r.depth ?? 0), 0)} dead letter(s); details: hiring dlq list <topic>`,
  ].join('\n');
  return { json: rows, summary };
}

async function listLetters(session: KafkaSession, topic: string, limit: number): Promise<CommandResult> {
  const { dlqTopic } = resolveDlqTopic(topic);
  const depth = depthOf(await session.requireOffsets(dlqTopic));
  const letters = depth === 0 ? [] : await listDeadLetters(session.kafka, dlqTopic, { limit, timeoutMs: READ_TIMEOUT_MS });
  const lines = [`${dlqTopic}: ${depth} dead letter(s)${letters.length < depth ? `, showing the oldest ${letters.length} (--limit)` : ''}`];
  for (const d of letters) {
    const errors = firstErrorPaths(d);
    lines.push(
      `  ${d.partition}/${d.offset}  ${d.failedAt || '(no time)'}  ${reasonCode(d.reason)}  from ${d.sourceTopic || '?'}/${d.sourcePartition}/${d.sourceOffset}${errors ? `  errors: ${errors}` : ''}`,
    );
  }
  if (letters.length > 0) lines.push(`details: hiring dlq show ${dlqTopic} <partition> <offset>; replay: hiring dlq replay ${dlqTopic} <partition> <offset>`);
  return { json: { dlqTopic, depth, deadLetters: letters.map(letterJson) }, summary: lines.join('\n') };
}

interface LetterAddress {
  dlqTopic: string;
  partition: number;
  offset: bigint;
}

function parseAddress(topic: string, partitionArg: string, offsetArg: string): LetterAddress {
  const { dlqTopic } = resolveDlqTopic(topic);
  const partition = parseNonNegativeInteger(partitionArg, 'partition');
  const offset = parseNonNegativeInteger(offsetArg, 'offset');
  if (partition > 1_000_000n) throw new CliInputError(`partition ${partition} is out of range`);
  return { dlqTopic, partition: Number(partition), offset };
}

/** Refuses a partition or offset the topic does not hold (reading there would wait for a record that never comes). */
async function checkAddress(session: KafkaSession, a: LetterAddress): Promise<void> {
  const offsets = await session.requireOffsets(a.dlqTopic);
  const p = offsets.find((o) => o.partition === a.partition);
  if (!p) throw new CliInputError(`${a.dlqTopic} has no partition ${a.partition} (partitions ${offsets.map((o) => o.partition).join(', ')})`);
  if (a.offset < p.low || a.offset >= p.high) {
    const held = p.high > p.low ? `holds offsets ${p.low} to ${p.high - 1n}` : 'is empty';
    throw new CliInputError(`no dead letter at ${a.dlqTopic}/${a.partition}/${a.offset}: partition ${a.partition} ${held}`);
  }
}

function showSummary(d: DeadLetter, value: ReturnType<typeof decodeValue>): string {
  const lines = [
    `${d.dlqTopic}/${d.partition}/${d.offset}`,
    `  reason      ${d.reason || '(none)'}`,
    `  failed at   ${d.failedAt || '(unknown)'}`,
    `  source      ${d.sourceTopic || '?'} partition ${d.sourcePartition} offset ${d.sourceOffset}`,
    `  group       ${d.consumerGroup || '(unknown)'}, attempts ${d.attempts}`,
    `  key         ${d.key ?? '(null)'}`,
  ];
  if (d.errors.length > 0) lines.push('  errors', ...d.errors.map((e) => `    ${e.path || '(root)'}: ${e.message}`));
  lines.push('  headers', ...Object.entries(d.headers).map(([k, v]) => `    ${k}: ${v}`));
  const size = d.value?.length ?? 0;
  switch (value.encoding) {
    case 'json':
      lines.push(`  value (JSON, ${size} bytes)`, JSON.stringify(value.value, null, 2).replace(/^/gm, '    '));
      break;
    case 'utf8':
      lines.push(`  value (text, not JSON, ${size} bytes)`, String(value.value).replace(/^/gm, '    '));
      break;
    case 'base64':
      lines.push(`  value (binary, ${size} bytes, base64)`, `    ${String(value.value)}`);
      break;
    case 'null':
      lines.push('  value       (null)');
      break;
    default: {
      const unhandled: never = value.encoding;
      return unhandled;
    }
  }
  return lines.join('\n');
}

async function show(session: KafkaSession, a: LetterAddress): Promise<CommandResult> {
  await checkAddress(session, a);
  const letter = await readDeadLetter(session.kafka, a.dlqTopic, a.partition, a.offset, READ_TIMEOUT_MS);
  if (!letter) throw new CliInputError(`no dead letter at ${a.dlqTopic}/${a.partition}/${a.offset} (no record at that offset)`);
  const value = decodeValue(letter.value);
  return {
    json: { ...letterJson(letter), headers: letter.headers, valueEncoding: value.encoding, value: value.value },
    summary: showSummary(letter, value),
  };
}

async function replay(session: KafkaSession, a: LetterAddress): Promise<CommandResult> {
  await checkAddress(session, a);
  const result: ReplayResult = await replayDeadLetter(session.kafka, a.dlqTopic, a.partition, a.offset.toString(), { timeoutMs: READ_TIMEOUT_MS });
  return {
    json: result,
    summary: [
      `replayed ${result.replayedFrom} to ${result.topic} partition ${result.partition} offset ${result.offset}`,
      '  original key and bytes, original headers plus dlq-replayed-from; the dead letter stays where it was',
    ].join('\n'),
  };
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = parseNonNegativeInteger(value, '--limit');
  if (n < 1n || n > BigInt(MAX_LIMIT)) throw new CliInputError(`--limit ${value} must be between 1 and ${MAX_LIMIT}`);
  return Number(n);
}

export function registerDlqCommands(program: Command): void {
  const dlq = program
    .command('dlq')
    .description('dead-letter topics: list, inspect and replay records the services refused (Kafka from KAFKA_BROKERS, default 127.0.0.1:9092)');
  dlq
    .command('list')
    .description('without a topic: every .dlq topic and its depth; with one (source or .dlq name): its dead letters, oldest first')
    .argument('[topic]', 'a catalogue topic or its .dlq topic')
    .option('--limit <n>', `at most this many dead letters (default ${DEFAULT_LIMIT})`)
    .option('--json', 'print JSON')
    .action((topic: string | undefined, options: ListOptions) =>
      runAction('dlq list', options, async () => {
        if (topic === undefined) {
          if (options.limit !== undefined) parseLimit(options.limit);
          return withKafka(listDepths);
        }
        const limit = parseLimit(options.limit);
        resolveDlqTopic(topic);
        return withKafka((session) => listLetters(session, topic, limit));
      }),
    );
  dlq
    .command('show')
    .description('one dead letter: reason, errors, every header and the original value')
    .argument('<topic>', 'a catalogue topic or its .dlq topic')
    .argument('<partition>', 'partition of the .dlq topic')
    .argument('<offset>', 'offset in that partition')
    .option('--json', 'print JSON')
    .action((topic: string, partition: string, offset: string, options: OutputOptions) =>
      runAction('dlq show', options, async () => {
        const address = parseAddress(topic, partition, offset);
        return withKafka((session) => show(session, address));
      }),
    );
  dlq
    .command('replay')
    .description('republish a dead letter\'s original key and bytes to its source topic (after the cause is fixed)')
    .argument('<topic>', 'a catalogue topic or its .dlq topic')
    .argument('<partition>', 'partition of the .dlq topic')
    .argument('<offset>', 'offset in that partition')
    .option('--json', 'print JSON')
    .action((topic: string, partition: string, offset: string, options: OutputOptions) =>
      runAction('dlq replay', options, async () => {
        const address = parseAddress(topic, partition, offset);
        return withKafka((session) => replay(session, address));
      }),
    );
}
