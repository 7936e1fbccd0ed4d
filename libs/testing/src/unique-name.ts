import { randomBytes } from 'node:crypto';

let counter = 0;

/**
 * A name no other test (in this run, a parallel run or an earlier run against
 * the same broker/database) uses: `<prefix>_<time>_<counter><random>`.
 * Only [a-z0-9_] and at most 63 characters, so the same value is valid as a
 * Kafka topic, a consumer group id and an unquoted Postgres schema/database name.
 */
export function uniqueName(prefix: string): string {
  counter += 1;
  let clean = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(clean)) clean = `t_${clean}`;
  const suffix = `${Date.now().toString(36)}_${counter.toString(36)}${randomBytes(3).toString('hex')}`;
  return `${clean.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}
