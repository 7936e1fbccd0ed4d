// Preload for a service: on SIGUSR2 it collects garbage twice and prints to
// stderr (the service's log) one JSON line with the heap that survives, the
// code space, and the modules loaded through require (count, bytes of source,
// the largest packages). Measures the idle heap of a build without heap
// snapshots; the bundle and the per-file build report alike, since a bundle is
// one module plus what it keeps external.
//
//   SERVICES_NODE_ARGS="--expose-gc -r ./tools/bench/idle-heap-probe.cjs" npm run services:up
//   kill -USR2 <pid>; grep idle-heap-probe .cache/run/<service>.log
'use strict';
const { statSync } = require('node:fs');
const v8 = require('node:v8');

const MB = 1024 * 1024;
const round = (n) => Math.round((n / MB) * 10) / 10;

function packageOf(file) {
  const i = file.lastIndexOf('node_modules/');
  if (i < 0) return file.includes('/dist/') ? 'dist' : 'other';
  const rest = file.slice(i + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

process.on('SIGUSR2', () => {
  if (typeof global.gc !== 'function') {
    process.stderr.write('idle-heap-probe: start node with --expose-gc\n');
    return;
  }
  global.gc();
  global.gc();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, round(s.space_used_size)]));
  const byPackage = new Map();
  let bytes = 0;
  const files = Object.keys(require.cache);
  for (const file of files) {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      // a module without a file on disk (none expected) counts as empty
    }
    bytes += size;
    const name = packageOf(file);
    const entry = byPackage.get(name) ?? { modules: 0, bytes: 0 };
    entry.modules += 1;
    entry.bytes += size;
    byPackage.set(name, entry);
  }
  const top = [...byPackage.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 12)
    .map(([name, e]) => `${name} ${e.modules}/${round(e.bytes)}`);
  const line = {
    probe: 'idle-heap-probe',
    heapUsedMb: round(v8.getHeapStatistics().used_heap_size),
    codeMb: round((spaces.code_space ?? 0) * MB + (spaces.code_large_object_space ?? 0) * MB),
    oldMb: spaces.old_space,
    rssMb: round(process.memoryUsage.rss()),
    modules: files.length,
    sourceMb: round(bytes),
    top,
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
});
