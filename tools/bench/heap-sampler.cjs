// Sampling heap profiler a service can be started with, toggled by SIGUSR2:
// the first signal starts V8's sampling heap profiler, the next one stops it
// and writes <HEAP_SAMPLE_DIR>/<script>-<pid>-<n>.heapprofile (the format
// Chrome DevTools opens; tools/bench/heap-profile-top.ts prints its top sites).
//
//   SERVICES_NODE_ARGS="-r $PWD/tools/bench/heap-sampler.cjs" HEAP_SAMPLE_DIR=/tmp/hp npm run services:up
//   kill -USR2 <pid>   # start ... run the load ... kill -USR2 <pid>   # stop and write
//
// HEAP_SAMPLE_COLLECTED=1 keeps the samples of objects the collector already
// freed, so the profile says what was allocated over the window; without it
// the profile holds only what is still on the heap when it stops (live, or
// promoted garbage waiting for the next full collection): what a peak is
// made of. In-process (node:inspector), so no debugger port is opened.
'use strict';
const inspector = require('node:inspector');
const { writeFileSync, mkdirSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');

const dir = process.env.HEAP_SAMPLE_DIR || '/tmp/heap-sample';
const interval = Number(process.env.HEAP_SAMPLE_INTERVAL || 32768);
const collected = process.env.HEAP_SAMPLE_COLLECTED === '1';
// dist/apps/<svc>/src/main.js -> <svc>
const script = basename(dirname(dirname(process.argv[1] || 'node/x/y')));
const session = new inspector.Session();
session.connect();
let running = false;
let n = 0;

process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('HeapProfiler.enable', () =>
      session.post('HeapProfiler.startSampling', {
        samplingInterval: interval,
        includeObjectsCollectedByMajorGC: collected,
        includeObjectsCollectedByMinorGC: collected,
      }),
    );
    return;
  }
  running = false;
  session.post('HeapProfiler.stopSampling', (err, res) => {
    if (err) return console.error('heap-sampler:', err);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${script}-${process.pid}-${++n}.heapprofile`);
    writeFileSync(file, JSON.stringify(res.profile));
    console.error(`heap-sampler: wrote ${file}`);
  });
});
