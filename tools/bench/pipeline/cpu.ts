// CPU time spent per candidate by each process of the stack during a phase:
// the services (pids from deploy/local/services.sh), the local Kafka broker,
// Postgres (the postmaster, its live backends and the backends it has already
// reaped) and the bench process itself. Unlike a rate, CPU time per candidate
// hardly moves with what else runs on a shared machine, and on a saturated
// machine the rate is about (cores / total CPU per candidate): it says where
// to cut. Linux only (/proc); a process it cannot read is left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

export type CpuSeconds = Record<string, number>;

interface ProcStat {
  ppid: number;
  /** utime + stime, seconds. */
  own: number;
  /** cutime + cstime: children waited for (Postgres backends that ended), seconds. */
  children: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    // Fields after the command name, which may hold spaces: state ppid ... utime(14) stime cutime cstime.
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()?.trim().split(' ') ?? [];
    const n = (i: number) => Number(f[i]) / TICKS_PER_SECOND;
    return { ppid: Number(f[1]), own: n(11) + n(12), children: n(13) + n(14) };
  } catch {
    return undefined;
  }
}

function pidFrom(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]?.trim());
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export interface StackDirs {
  /** deploy/local/services.sh's pid files. */
  run: string;
  /** KAFKA_HOME_DIR (a single-broker cluster's kafka.pid). */
  kafka: string;
  /** PG_HOME_DIR (data/postmaster.pid). */
  postgres: string;
}

export class CpuMeter {
  constructor(
    private readonly dirs: StackDirs,
    private readonly services: readonly string[],
  ) {}

  snapshot(): CpuSeconds {
    const out: CpuSeconds = {};
    for (const s of this.services) {
      const pid = pidFrom(join(this.dirs.run, `${s}.pid`));
      const stat = pid === undefined ? undefined : procStat(pid);
      if (stat) out[s] = stat.own;
    }
    const kafka = pidFrom(join(this.dirs.kafka, 'kafka.pid'));
    const kafkaStat = kafka === undefined ? undefined : procStat(kafka);
    if (kafkaStat) out['kafka'] = kafkaStat.own;
    const postmaster = pidFrom(join(this.dirs.postgres, 'data', 'postmaster.pid'));
    const pm = postmaster === undefined ? undefined : procStat(postmaster);
    if (pm && postmaster !== undefined) {
      let total = pm.own + pm.children;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const st = procStat(Number(entry));
        if (st?.ppid === postmaster) total += st.own + st.children;
      }
      out['postgres'] = total;
    }
    const self = process.cpuUsage();
    out['bench'] = (self.user + self.system) / 1e6;
    return out;
  }

  /** Milliseconds of CPU per item between two snapshots, per process present in both. */
  static perItemMs(before: CpuSeconds, after: CpuSeconds, items: number): CpuSeconds {
    const out: CpuSeconds = {};
    for (const k of Object.keys(after)) if (before[k] !== undefined) out[k] = ((after[k] as number) - before[k]) * 1000 / items;
    return out;
  }
}
