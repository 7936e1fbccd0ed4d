// Runs a service as a real child process, the way it runs in production:
// its own config from the environment, its own migrations, real Kafka and
// Postgres. Tests wait on its readiness endpoint, never on a sleep.
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { waitFor } from './wait-for';

const REPO_ROOT = resolve(__dirname, '../../..');

export interface ServiceProcessOptions {
  app: string;
  port?: number;
  env?: Record<string, string>;
  /** `source` runs the TypeScript through swc-node (no build); `dist` runs the built output. */
  from?: 'source' | 'dist';
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServiceProcess {
  private output = '';
  private exit?: Promise<ProcessExit>;

  private constructor(readonly app: string, readonly port: number, private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exit = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  }

  static async start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const port = options.port ?? (await freePort());
    const entry =
      options.from === 'dist'
        ? [`dist/apps/${options.app}/src/main.js`] // as deploy/local/services.sh runs it
        : ['-r', '@swc-node/register', `apps/${options.app}/src/main.ts`];
    const child = spawn(process.execPath, entry, {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...options.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(options.app, port, child);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The OS process id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get logs(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    await waitFor(
      async () => {
        if (!this.running) throw new Error(`${this.app} exited early:\n${this.output.slice(-3000)}`);
        const res = await fetch(`${this.url}/health/ready`);
        return res.status === 200;
      },
      { timeoutMs, intervalMs: 250, description: `${this.app} /health/ready answers 200` },
    ).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${this.app} output ---\n${this.output.slice(-3000)}`);
    });
  }

  /** Sends a signal and resolves with how the process ended. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<ProcessExit> {
    if (this.running) this.child.kill(signal);
    return this.waitForExit(timeoutMs);
  }

  /** Resolves with how the process ended; kills it if it is still running at the deadline. */
  async waitForExit(timeoutMs = 30_000): Promise<ProcessExit> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`${this.app} did not exit within ${timeoutMs}ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exit as Promise<ProcessExit>, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
