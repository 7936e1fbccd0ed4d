// Reading a topic the way a dashboard or an agency would: with kcat, not with
// the project's own client code. `-J` prints one JSON object per record
// (topic, partition, offset, key, payload; payload null for a tombstone).
import { execFile } from 'node:child_process';
import { testKafkaBrokers } from '@hiring/testing';

export interface KcatRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  /** kcat -J prints headers as a flat [name, value, name, value, …] list. */
  headers?: string[];
}

export function kcatHeaders(record: KcatRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const h = record.headers ?? [];
  for (let i = 0; i + 1 < h.length; i += 2) out[h[i] as string] = h[i + 1] as string;
  return out;
}

/** Every record written to `topic` since `startOffsets` (one kcat read per partition). */
export async function readTopicSince(topic: string, startOffsets: readonly { partition: number; offset: string }[]): Promise<KcatRecord[]> {
  const all: KcatRecord[] = [];
  for (const { partition, offset } of startOffsets) all.push(...(await readTopicWithKcat(topic, { partition, fromOffset: Number(offset) })));
  return all;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('kcat', args, { maxBuffer: 1024 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('kcat is not installed (the end-to-end tests read topics with it): apt-get install kcat'));
      } else if (error) {
        reject(new Error(`kcat ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

/**
 * Every record of `topic` (or of one partition from `fromOffset`) up to its
 * end at the time of the call (`-e`).
 */
export async function readTopicWithKcat(topic: string, options: { partition?: number; fromOffset?: number | 'beginning' } = {}): Promise<KcatRecord[]> {
  const args = ['-b', testKafkaBrokers().join(','), '-C', '-t', topic, '-o', String(options.fromOffset ?? 'beginning'), '-e', '-J', '-q'];
  if (options.partition !== undefined) args.push('-p', String(options.partition));
  const out = await run(args);
  return out
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as KcatRecord);
}
