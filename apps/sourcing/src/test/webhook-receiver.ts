// A real HTTP receiver on loopback for webhook tests: records every request
// as it arrived (raw body, headers) and answers what the test scripted per
// path: a status, a Retry-After, or no answer in time (a timeout).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered; 'timeout' when it held the request past the sender's timeout. */
  answered: number | 'timeout';
  at: number;
}

/** A status (with an optional Retry-After), or `hangMs`: no answer until long after the sender gave up. */
export interface Reply {
  status?: number;
  retryAfter?: string;
  hangMs?: number;
}

/** Decides the answer for the n-th request (0-based) to a path. */
export type Script = (n: number, body: string) => Reply;

export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, Script>();
  private readonly counts = new Map<string, number>();
  private server: Server | undefined;
  private readonly hanging = new Set<NodeJS.Timeout>();

  script(path: string, script: Script): void {
    this.scripts.set(path, script);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        const n = this.counts.get(path) ?? 0;
        this.counts.set(path, n + 1);
        const script: Script = this.scripts.get(path) ?? (() => ({ status: 200 }));
        const reply = script(n, body);
        if (reply.hangMs !== undefined) {
          this.received.push({ path, headers: req.headers, body, answered: 'timeout', at: Date.now() });
          // Answer long after the sender gave up, so the socket closes cleanly.
          const timer = setTimeout(() => {
            this.hanging.delete(timer);
            res.writeHead(200).end();
          }, reply.hangMs);
          this.hanging.add(timer);
          return;
        }
        const status = reply.status ?? 200;
        this.received.push({ path, headers: req.headers, body, answered: status, at: Date.now() });
        res.writeHead(status, reply.retryAfter !== undefined ? { 'retry-after': reply.retryAfter } : {}).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${path}`;
  }

  at(path: string): ReceivedRequest[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    for (const t of this.hanging) clearTimeout(t);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
