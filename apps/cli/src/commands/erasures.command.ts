// `hiring erasures reapply`: after restoring sourcing's database from a backup,
// erases again every candidate erased since the backup (docs/sourcing.md,
// "Restoring sourcing from a backup"). The backup brought their data keys back;
// `recruiting.candidate-erased.v1` still lists them. Each id goes to sourcing's
// own erasure route, so the rules stay in one place and a second run is harmless.
import type { Command } from 'commander';
import { EVENT_TYPES } from '@hiring/contracts';
import { CliInputError, CliUnavailableError } from '../io/cli-error';
import { opsRequest, OpsAnswerError, SOURCING } from '../io/ops-request';
import { type CommandResult, type OutputOptions, runAction } from '../io/run-action';
import { READ_TIMEOUT_MS, withKafka } from '../kafka/kafka-session';
import { readTopicRanges, type PartitionRange, type TopicRecord } from '../kafka/topic-range-reader';

const ERASED_TOPIC = EVENT_TYPES.candidateErased;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One erasure call waits for the intake purge (ERASURE_PURGE_WAIT_MS, 10 s by default). */
const ERASURE_CALL_TIMEOUT_MS = 60_000;

interface ReapplyOptions extends OutputOptions {
  since: string;
  requestedBy: string;
}

export interface BadRecord {
  partition: number;
  offset: string;
  reason: string;
}

export interface ReapplyReport {
  since: string;
  requestedBy: string;
  recordsRead: number;
  /** Erased again: the restore had brought their data back (erasedNow: true). */
  erasedAgain: string[];
  /** Already erased in the restored database (the backup postdates their erasure). */
  alreadyErased: string[];
  /** Unknown to the restored database (404): sourced after the backup, gone with it. */
  unknown: string[];
  badRecords: BadRecord[];
}

/** `--since` as an instant: an ISO 8601 date-time with a zone, not in the future. */
export function parseSince(text: string, now: Date): Date {
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(at.getTime())) {
    throw new CliInputError(`--since must be an ISO 8601 date-time with a zone (e.g. 2026-11-30T02:00:00Z, the backup's time), got ${JSON.stringify(text)}`);
  }
  if (at > now) throw new CliInputError(`--since ${text} is in the future`);
  return at;
}

/** The candidate id a record names: its key, else its data's candidateId; or why it names none. */
export function candidateIdOf(record: TopicRecord): { id: string } | { reason: string } {
  if (record.key !== null && UUID.test(record.key)) return { id: record.key.toLowerCase() };
  let fromData: unknown;
  try {
    fromData = record.value === null ? undefined : (JSON.parse(record.value) as { data?: { candidateId?: unknown } }).data?.candidateId;
  } catch {
    return { reason: `key ${JSON.stringify(record.key)} is not a UUID and the value is not JSON` };
  }
  if (typeof fromData === 'string' && UUID.test(fromData)) return { id: fromData.toLowerCase() };
  return { reason: `neither the key ${JSON.stringify(record.key)} nor data.candidateId is a UUID` };
}

/** Distinct candidate ids in first-seen order, and the records that name none. */
export function collectCandidateIds(records: readonly TopicRecord[]): { ids: string[]; badRecords: BadRecord[] } {
  const ids = new Set<string>();
  const badRecords: BadRecord[] = [];
  for (const r of records) {
    const found = candidateIdOf(r);
    if ('id' in found) ids.add(found.id);
    else badRecords.push({ partition: r.partition, offset: r.offset.toString(), reason: found.reason });
  }
  return { ids: [...ids], badRecords };
}

/** The records of the erased topic written at or after `since`, up to each partition's current end. */
async function readErasedSince(since: Date): Promise<TopicRecord[]> {
  return withKafka(async (session) => {
    const ends = await session.requireOffsets(ERASED_TOPIC);
    const starts = (await session.offsetsAt(ERASED_TOPIC, since.getTime())) ?? new Map<number, bigint>();
    const ranges: PartitionRange[] = ends.map((e) => {
      const start = starts.get(e.partition) ?? e.high;
      // An offset below the first retained one was deleted by retention: start at what is left.
      return { partition: e.partition, from: start < e.low ? e.low : start, to: e.high };
    });
    const records: TopicRecord[] = [];
    try {
      await readTopicRanges(session.kafka, ERASED_TOPIC, ranges, READ_TIMEOUT_MS, (r) => records.push(r));
    } catch (error) {
      throw new CliUnavailableError(`reading ${ERASED_TOPIC} from Kafka at ${session.brokers.join(',')} failed: ${(error as Error).message}`);
    }
    return records;
  });
}

type ErasureAnswer = { erasedNow: boolean };

/** Posts the erasure of each id, one at a time (each call purges the intake topics: see docs/cli.md). */
export async function reapplyErasures(
  ids: readonly string[],
  erase: (id: string) => Promise<ErasureAnswer | 'unknown'>,
  onProgress: (done: number, total: number) => void,
): Promise<Pick<ReapplyReport, 'erasedAgain' | 'alreadyErased' | 'unknown'>> {
  const result = { erasedAgain: [] as string[], alreadyErased: [] as string[], unknown: [] as string[] };
  for (const [i, id] of ids.entries()) {
    const answer = await erase(id);
    if (answer === 'unknown') result.unknown.push(id);
    else (answer.erasedNow ? result.erasedAgain : result.alreadyErased).push(id);
    onProgress(i + 1, ids.length);
  }
  return result;
}

async function eraseThroughSourcing(id: string, requestedBy: string): Promise<ErasureAnswer | 'unknown'> {
  try {
    return await opsRequest<ErasureAnswer>(SOURCING, 'POST', `/v1/ops/candidates/${id}/erasure`, { requestedBy }, ERASURE_CALL_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof OpsAnswerError && error.status === 404) return 'unknown';
    throw error;
  }
}

export function reapplySummary(r: ReapplyReport): string {
  const lines = [
    `read ${r.recordsRead} ${ERASED_TOPIC} record(s) since ${r.since}: ${r.erasedAgain.length + r.alreadyErased.length + r.unknown.length} candidate(s)`,
    `erased again: ${r.erasedAgain.length}`,
    `already erased: ${r.alreadyErased.length}`,
    `unknown to sourcing (sourced after the backup, gone with it): ${r.unknown.length}`,
  ];
  if (r.badRecords.length > 0) {
    lines.push(`records naming no candidate (skipped): ${r.badRecords.length}`, ...r.badRecords.map((b) => `  ${b.partition}/${b.offset}: ${b.reason}`));
  }
  return lines.join('\n');
}

async function reapply(options: ReapplyOptions): Promise<CommandResult> {
  const since = parseSince(options.since, new Date());
  const requestedBy = options.requestedBy.trim();
  if (requestedBy.length < 1 || requestedBy.length > 200) throw new CliInputError('--requested-by must be 1 to 200 characters');
  const records = await readErasedSince(since);
  const { ids, badRecords } = collectCandidateIds(records);
  process.stderr.write(`${records.length} record(s), ${ids.length} candidate(s) to erase again${badRecords.length ? `, ${badRecords.length} bad record(s) skipped` : ''}\n`);
  const outcome = await reapplyErasures(
    ids,
    (id) => eraseThroughSourcing(id, requestedBy),
    (done, total) => process.stderr.write(`erasures re-applied: ${done}/${total}\n`),
  );
  const report: ReapplyReport = { since: since.toISOString(), requestedBy, recordsRead: records.length, ...outcome, badRecords };
  return { json: report, summary: reapplySummary(report) };
}

export function registerErasureCommands(program: Command): void {
  const erasures = program.command('erasures').description('candidate erasures (through the running sourcing service)');
  erasures
    .command('reapply')
    .description("after restoring sourcing from a backup: erase again every candidate erased since the backup's time (from recruiting.candidate-erased.v1)")
    .requiredOption('--since <time>', "the backup's time, ISO 8601 with a zone (e.g. 2026-11-30T02:00:00Z)")
    .option('--requested-by <text>', 'recorded as who asked for the erasures', 'restore-reapply')
    .option('--json', 'print the outcome as JSON')
    .action((options: ReapplyOptions) => runAction('erasures reapply', options, () => reapply(options)));
}
