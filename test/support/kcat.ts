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
