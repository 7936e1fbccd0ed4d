// Infrastructure faults for the resilience suite: the broker and the
// postmaster started by deploy/local/infra.sh, signalled by pid
// (`infra.sh pid`), and brought back with `infra.sh up` (which starts whatever
// it finds stopped and leaves the rest alone). Every wait has a deadline.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { waitFor } from '@hiring/testing';

const INFRA = resolve(__dirname, '../../deploy/local/infra.sh');

export type InfraPart = 'kafka' | 'postgres';

function infra(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((done, reject) => {
    execFile('bash', [INFRA, ...args], { timeout: timeoutMs, env: process.env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`infra.sh ${args.join(' ')} failed: ${error.message}\n${stdout.slice(-1500)}\n${stderr.slice(-1500)}`));
      else done(stdout);
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the running broker or postmaster; fails when it does not run. */
export async function infraPid(part: InfraPart): Promise<number> {
  const pid = Number((await infra(['pid', part], 30_000)).trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`infra.sh pid ${part} printed no pid`);
  return pid;
}

/** Sends `signal` to the broker or postmaster; resolves with its pid. */
export async function signalInfra(part: InfraPart, signal: NodeJS.Signals): Promise<number> {
  const pid = await infraPid(part);
  process.kill(pid, signal);
  return pid;
}

/** Resolves once `pid` has exited. */
export async function waitForExit(pid: number, what: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(() => !alive(pid), { timeoutMs, intervalMs: 100, description: `${what} (pid ${pid}) exited` });
}

/** `infra.sh up`: starts the broker or database a scenario stopped (topics re-provisioned, nothing else touched). */
export async function infraUp(timeoutMs = 180_000): Promise<void> {
  await infra(['up'], timeoutMs);
}

/**
 * Keeps a fault in place for `ms`. This is the fault's duration (an outage
 * that lasts longer than a session timeout, ~20 s of database downtime), not
 * a wait for something to happen: every wait for an outcome uses waitFor.
 */
export function holdFault(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
