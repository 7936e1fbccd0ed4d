// Peak resident memory of each running service: sampled VmRSS under load, and
// the kernel's own high-water mark (VmHWM) of the process. Pids from the files
// deploy/local/services.sh writes (<service>.pid).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export class RssSampler {
  private readonly maxKb = new Map<string, number>();
  private constructor(
    private readonly pids: Map<string, number>,
    private readonly timer: NodeJS.Timeout,
  ) {}

  static start(runDir: string, services: readonly string[], everyMs = 250): RssSampler {
    const pids = new Map<string, number>();
    for (const s of services) {
      try {
        const pid = Number(readFileSync(join(runDir, `${s}.pid`), 'utf8').trim());
        if (pid > 0) pids.set(s, pid);
      } catch {
        // not started by services.sh: no memory figure for it
      }
    }
    const sampler: RssSampler = new RssSampler(pids, setInterval(() => sampler.sample(), everyMs));
    return sampler;
  }

  private sample(): void {
    for (const [s, pid] of this.pids) {
      const kb = statusKb(pid, 'VmRSS');
      if (kb !== undefined) this.maxKb.set(s, Math.max(this.maxKb.get(s) ?? 0, kb));
    }
  }

  stop(): Record<string, { sampledMb: number; hwmMb: number }> {
    clearInterval(this.timer);
    this.sample();
    const out: Record<string, { sampledMb: number; hwmMb: number }> = {};
    for (const [s, pid] of this.pids) out[s] = { sampledMb: (this.maxKb.get(s) ?? NaN) / 1024, hwmMb: (statusKb(pid, 'VmHWM') ?? NaN) / 1024 };
    return out;
  }
}
