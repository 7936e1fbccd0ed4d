// What the seeder talks to, from the environment (same variables and defaults
// as the services and deploy/local). Checked before anything is sent, and a bad
// value names its variable.
import { resolve } from 'node:path';

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

export interface SeedConfig {
  sourcingUrl: string;
  scoringUrl: string;
  offerUrl: string;
  opsToken: string;
  kafkaBrokers: string[];
  /** Consumer group of sourcing on recruiting.submissions.v1 (KAFKA_CONSUMER_GROUP of the service). */
  sourcingGroup: string;
  /** How long to wait for submissions to settle before printing the summary. */
  waitMs: number;
  samplesFile: string;
}

const DEFAULT_OPS_TOKEN = 'local-ops-token-change-me';

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535) throw new SeedError(`${name}="${raw}" is not a TCP port (1-65535)`);
  return value;
}

function brokers(raw: string | undefined): string[] {
  const value = raw === undefined || raw.trim() === '' ? '127.0.0.1:9092' : raw;
  const list = value.split(',').map((b) => b.trim());
  for (const b of list) {
    const m = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(b);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new SeedError(`KAFKA_BROKERS="${value}" is invalid: "${b}" is not host:port`);
  }
  return list;
}

export function loadSeedConfig(env: NodeJS.ProcessEnv, repoRoot: string): SeedConfig {
  const host = env.SEED_HOST ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.-]+$/.test(host)) throw new SeedError(`SEED_HOST="${host}" is not a host name`);
  const opsToken = env.OPS_TOKEN ?? DEFAULT_OPS_TOKEN;
  if (opsToken.length < 16) throw new SeedError('OPS_TOKEN must be at least 16 characters (the services refuse shorter ones)');
  const waitRaw = env.SEED_WAIT_SECONDS ?? '45';
  if (!/^\d{1,3}$/.test(waitRaw)) throw new SeedError(`SEED_WAIT_SECONDS="${waitRaw}" must be a whole number of seconds (0-999)`);
  const group = env.SOURCING_CONSUMER_GROUP ?? 'sourcing';
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(group)) throw new SeedError(`SOURCING_CONSUMER_GROUP="${group}" is not a consumer group id`);
  return {
    sourcingUrl: `http://${host}:${port(env, 'SOURCING_PORT', 3001)}`,
    scoringUrl: `http://${host}:${port(env, 'SCORING_PORT', 3003)}`,
    offerUrl: `http://${host}:${port(env, 'OFFER_PORT', 3004)}`,
    opsToken,
    kafkaBrokers: brokers(env.KAFKA_BROKERS),
    sourcingGroup: group,
    waitMs: Number(waitRaw) * 1000,
    samplesFile: resolve(repoRoot, env.SEED_SAMPLES ?? 'examples/seed/samples.json'),
  };
}
