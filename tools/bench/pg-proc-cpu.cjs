#!/usr/bin/env node
// CPU of the local Postgres by kind of process (client backends, autovacuum
// workers, checkpointer, background writer, walwriter, the rest) while a
// command runs: samples /proc/<pid>/stat of every child of the postmaster
// every 250 ms, and the postmaster's own counters for children it reaped
// meanwhile (an autovacuum worker lives for one table: most of them start
// and end between two samples, so their CPU is only seen there). A process
// seen in one sample only, or gone before the last, counts what it used up
// to its last sample; what a reaped child used after that is in "reaped".
//   node tools/bench/pg-proc-cpu.cjs [--pid POSTMASTER] -- command [args...]
// Without --pid: `bash deploy/local/infra.sh pid postgres` (HIRING_CACHE_DIR
// picks the cluster). Prints CPU seconds per kind and, when the command
// inserted candidates (sourcing.candidates, DATABASE_URL), ms per candidate.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');

const HZ = 100; // USER_HZ: clock ticks in /proc/<pid>/stat (100 on every Linux this runs on)
const args = process.argv.slice(2);
let postmaster;
while (args.length > 0 && args[0] !== '--') {
  const flag = args.shift();
  if (flag === '--pid') postmaster = Number(args.shift());
  else usage(`unknown flag ${flag}`);
}
args.shift();
if (args.length === 0) usage('no command');
const repo = path.resolve(__dirname, '../..');
if (!postmaster) postmaster = Number(execFileSync('bash', [path.join(repo, 'deploy/local/infra.sh'), 'pid', 'postgres']).toString().trim());
if (!Number.isInteger(postmaster) || postmaster <= 0) usage('no postmaster pid');

/** utime + stime, cutime + cstime (ticks) and the process title's kind, or null when it is gone. */
function stat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

function kind(pid) {
  let title;
  try {
    title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return 'gone';
  }
  if (title.startsWith('postgres: autovacuum worker')) return 'autovacuum worker';
  if (title.startsWith('postgres: autovacuum launcher')) return 'autovacuum launcher';
  if (title.startsWith('postgres: checkpointer')) return 'checkpointer';
  if (title.startsWith('postgres: background writer')) return 'background writer';
  if (title.startsWith('postgres: walwriter')) return 'walwriter';
  if (title.startsWith('postgres: logical replication') || title.startsWith('postgres: stats')) return 'other';
  return 'client backends';
}

function children() {
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s && s.ppid === postmaster) out.push(Number(name));
  }
  return out;
}

// pid -> { kind, first, last }: a child alive at the first sample counts from there, one born later from 0.
const seen = new Map();
let first = true;
function sample() {
  for (const pid of children()) {
    const s = stat(pid);
    if (!s) continue;
    const p = seen.get(pid);
    if (p) p.last = s.own;
    else seen.set(pid, { kind: kind(pid), first: first ? s.own : 0, last: s.own });
  }
  first = false;
}

function candidates() {
  const url = process.env.DATABASE_URL ?? 'postgres://hiring:hiring@127.0.0.1:5433/hiring';
  try {
    const sql = "SELECT n_tup_ins FROM pg_stat_user_tables WHERE schemaname = 'sourcing' AND relname = 'candidates'";
    return Number(execFileSync('psql', ['-X', '-q', '-At', url, '-c', sql]).toString().trim());
  } catch {
    return NaN;
  }
}

const pm0 = stat(postmaster);
const cand0 = candidates();
sample();
const timer = setInterval(sample, 250);
const t0 = Date.now();
const child = spawn(args[0], args.slice(1), { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  clearInterval(timer);
  sample();
  const pm1 = stat(postmaster);
  const seconds = (Date.now() - t0) / 1000;
  const perKind = new Map();
  for (const p of seen.values()) perKind.set(p.kind, (perKind.get(p.kind) ?? 0) + (p.last - p.first) / HZ);
  // The reaped counter grew by the whole life of each child reaped meanwhile: less what the samples saw of the
  // ones that went (all of their life up to their last sample, counted above from their first), the rest is what
  // they used after it, and children that lived between two samples.
  let counted = 0;
  for (const [pid, p] of seen) {
    const s = stat(pid);
    if (!s || s.ppid !== postmaster) counted += p.last / HZ;
  }
  perKind.set('reaped (after their last sample)', Math.max(0, (pm1.reaped - pm0.reaped) / HZ - counted));
  perKind.set('postmaster', (pm1.own - pm0.own) / HZ);
  const n = candidates() - cand0;
  const total = [...perKind.values()].reduce((a, b) => a + b, 0);
  const rows = [...perKind.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`\n### Postgres CPU by process kind (${seconds.toFixed(0)} s, ${n} candidates inserted, postmaster ${postmaster})\n`);
  console.log('| kind | CPU s | ms per candidate |');
  console.log('|---|---:|---:|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v.toFixed(2)} | ${n > 0 ? ((v * 1000) / n).toFixed(3) : '–'} |`);
  console.log(`| all | ${total.toFixed(2)} | ${n > 0 ? ((total * 1000) / n).toFixed(3) : '–'} |`);
  process.exit(code ?? (signal ? 1 : 0));
});

function usage(why) {
  console.error(`${why}\nusage: node tools/bench/pg-proc-cpu.cjs [--pid POSTMASTER] -- command [args...]`);
  process.exit(2);
}
