import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Repository root: CLI tests run the real command from there, as a user would. */
export const REPO_ROOT = resolve(__dirname, '../../../..');

export interface HiringRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the real `hiring` tool (same as `npm run -s hiring -- ...`) and collects its output; `env` adds to the inherited environment. */
export function runHiring(args: readonly string[], stdin?: string, env: NodeJS.ProcessEnv = {}): Promise<HiringRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

export function parseJson(run: HiringRun): Record<string, unknown> {
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** A long-running `hiring` command (status --watch, tail): output so far, and a way to stop it like Ctrl-C. */
export interface RunningHiring {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit. */
  interrupt(): Promise<HiringRun>;
  readonly exited: Promise<HiringRun>;
}

export function startHiring(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunningHiring {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<HiringRun>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    interrupt: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
