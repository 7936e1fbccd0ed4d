// The live page's Server-Sent Events. Each open stream gets a snapshot at
// once, then one whenever the numbers change (checked every
// MONITOR_STREAM_INTERVAL_MS), and a comment line every 15 s so proxies keep
// the connection. Streams are ended when the app shuts down, so SIGTERM does
// not wait for browsers to hang up.
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { MonitorConfig } from '../monitor.config';
import type { PipelineFilter } from './candidate-stage.repository';
import { GetPipelineSnapshotService, type PipelineSnapshot } from './get-pipeline-snapshot.service';

const KEEP_ALIVE_MS = 15_000;

/** What makes two snapshots "the same" for a viewer: everything but the time it was computed. */
export function snapshotFingerprint(s: PipelineSnapshot): string {
  return JSON.stringify({ ...s, generatedAt: undefined, broker: { ...s.broker, checkedAt: undefined } });
}

@Injectable()
export class PipelineStreams implements OnModuleDestroy {
  private readonly logger = new Logger(PipelineStreams.name);
  private readonly open = new Set<() => void>();

  constructor(
    private readonly snapshots: GetPipelineSnapshotService,
    private readonly config: MonitorConfig,
  ) {}

  get count(): number {
    return this.open.size;
  }

  start(res: Response, filter: PipelineFilter): void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 3000\n\n');

    let last = '';
    let sequence = 0;
    let busy = false;
    let lastWrite = Date.now();
    const push = async () => {
      if (busy || res.writableEnded) return;
      busy = true;
      try {
        const snapshot = await this.snapshots.execute(filter);
        const fingerprint = snapshotFingerprint(snapshot);
        if (fingerprint !== last && !res.writableEnded) {
          last = fingerprint;
          sequence += 1;
          res.write(`id: ${sequence}\ndata: ${JSON.stringify(snapshot)}\n\n`);
          lastWrite = Date.now();
        } else if (Date.now() - lastWrite >= KEEP_ALIVE_MS && !res.writableEnded) {
          res.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
      } catch (error) {
        this.logger.warn(`snapshot for a stream failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void push(), this.config.MONITOR_STREAM_INTERVAL_MS);
    const stop = () => {
      clearInterval(timer);
      this.open.delete(stop);
      if (!res.writableEnded) res.end();
    };
    this.open.add(stop);
    res.on('close', stop);
    void push();
  }

  onModuleDestroy(): void {
    for (const stop of [...this.open]) stop();
  }
}
