// What each service's resident memory is made of at its peak: samples every
// service's /metrics (prom-client's V8 heap figures) and /proc/<pid>/status
// until stopped (Ctrl-C / SIGTERM), then prints, per service, the sample with
// the largest RSS split into file-backed pages (the node binary), V8 heap
// committed (of which used), external memory (Buffers), and the rest of the
// anonymous memory (malloc, thread stacks, V8's own tables), with the number
// of full (mark-compact) collections seen meanwhile.
//
//   node -r @swc-node/register tools/bench/memory-breakdown.ts [--every-ms 500]
//
// Run it beside `npm run bench` (docs/performance.md, "Peak RSS: what it
// holds"). Reading /metrics costs the services a little CPU: leave it out of
// runs whose CPU per candidate is compared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, serviceUrl } from './pipeline/service-ports';

interface Sample {
  at: number;
  rssMb: number;
  rssFileMb: number;
  rssAnonMb: number;
  heapCommittedMb: number;
  heapUsedMb: number;
  spacesCommittedMb: Record<string, number>;
  spacesUsedMb: Record<string, number>;
  externalMb: number;
  majorGcs: number;
  /** Seconds of all collections (scavenges and full) so far, from prom-client's GC histogram. */
  gcSeconds: number;
}

const MB = 1024 * 1024;

function statusKb(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

function metric(text: string, name: string, label?: string): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    if (label !== undefined && !line.includes(label)) continue;
    if (line[name.length] !== '{' && line[name.length] !== ' ') continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return NaN;
}

function spaces(text: string, name: string): Record<string, number> {
  const out: Record<string, number> = {};
  const re = new RegExp(`^${name}\\{space="([a-z_]+)"[^}]*\\} (\\S+)$`, 'gm');
  for (const m of text.matchAll(re)) if (Number(m[2]) > 0) out[m[1]] = Number(m[2]) / MB;
  return out;
}

function sumOf(text: string, name: string): number {
  let total = 0;
  for (const line of text.split('\n')) if (line.startsWith(`${name}{`)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  return total;
}

async function sample(url: string, pid: number): Promise<Sample | undefined> {
  try {
    const res = await fetch(`${url}/metrics`);
    const text = await res.text();
    const rssKb = statusKb(pid, 'VmRSS');
    return {
      at: Date.now(),
      rssMb: rssKb / 1024,
      rssFileMb: statusKb(pid, 'RssFile') / 1024,
      rssAnonMb: statusKb(pid, 'RssAnon') / 1024,
      heapCommittedMb: metric(text, 'nodejs_heap_size_total_bytes') / MB,
      heapUsedMb: metric(text, 'nodejs_heap_size_used_bytes') / MB,
      spacesCommittedMb: spaces(text, 'nodejs_heap_space_size_total_bytes'),
      spacesUsedMb: spaces(text, 'nodejs_heap_space_size_used_bytes'),
      externalMb: metric(text, 'nodejs_external_memory_bytes') / MB,
      majorGcs: metric(text, 'nodejs_gc_duration_seconds_count', 'kind="major"'),
      gcSeconds: sumOf(text, 'nodejs_gc_duration_seconds_sum'),
    };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const everyIdx = process.argv.indexOf('--every-ms');
  const everyMs = everyIdx > 0 ? Number(process.argv[everyIdx + 1]) : 500;
  const runDir = join(process.cwd(), '.cache', 'run');
  const targets = SERVICES.map((s) => ({
    s,
    url: serviceUrl(s),
    pid: Number(readFileSync(join(runDir, `${s}.pid`), 'utf8').trim()),
  }));
  const first = new Map<string, Sample>();
  const peak = new Map<string, Sample>();
  const last = new Map<string, Sample>();
  const external = new Map<string, number[]>();
  let stop = false;
  process.on('SIGINT', () => (stop = true));
  process.on('SIGTERM', () => (stop = true));
  while (!stop) {
    const started = Date.now();
    await Promise.all(
      targets.map(async ({ s, url, pid }) => {
        const x = await sample(url, pid);
        if (!x) return;
        if (!first.has(s)) first.set(s, x);
        last.set(s, x);
        if (Number.isFinite(x.externalMb)) external.set(s, [...(external.get(s) ?? []), x.externalMb]);
        if (x.rssMb > (peak.get(s)?.rssMb ?? 0)) peak.set(s, x);
      }),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - started))));
  }
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  // External memory (Buffers' backing stores: Kafka fetch responses, packed
  // parameters, produce requests) over every sample, not only at the RSS peak.
  console.log('| service | samples | external MB: median | p90 | max |');
  console.log('|---|---:|---:|---:|---:|');
  for (const { s } of targets) {
    const xs = [...(external.get(s) ?? [])].sort((a, b) => a - b);
    if (xs.length === 0) continue;
    const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))].toFixed(1);
    console.log(`| ${s} | ${xs.length} | ${at(0.5)} | ${at(0.9)} | ${xs[xs.length - 1].toFixed(1)} |`);
  }
  console.log('');
  console.log('| service | peak RSS | file-backed | V8 heap committed (used) | of which new space | old space committed (used) | large objects | external | anon not in heap/external | full GCs before the peak | full GCs, GC s in all |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { s } of targets) {
    const p = peak.get(s);
    if (!p) continue;
    const rest = p.rssAnonMb - p.heapCommittedMb - p.externalMb;
    const before = first.get(s)?.majorGcs;
    const since = (x: Sample | undefined) => (x?.majorGcs || 0) - (Number.isFinite(before) ? (before as number) : 0);
    const gcs = since(p);
    const end = last.get(s);
    const gcSeconds = (end?.gcSeconds ?? NaN) - (first.get(s)?.gcSeconds ?? NaN);
    console.log(
      `| ${s} | ${f(p.rssMb)} | ${f(p.rssFileMb)} | ${f(p.heapCommittedMb)} (${f(p.heapUsedMb)}) | ${f(p.spacesCommittedMb.new ?? NaN)} | ${f(p.spacesCommittedMb.old ?? NaN)} (${f(p.spacesUsedMb.old ?? NaN)}) | ${f(p.spacesCommittedMb.large_object ?? 0)} | ${f(p.externalMb)} | ${f(rest)} | ${f(gcs)} | ${f(since(end))}, ${Number.isFinite(gcSeconds) ? gcSeconds.toFixed(1) : '–'} |`,
    );
  }
}

void main();
