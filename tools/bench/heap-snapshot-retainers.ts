// What holds the strings of a heap snapshot: groups every string (or, with
// --all, every object) by the chain of its first few retainers (edge name and
// holder, indexes folded), and prints the groups with the most bytes, with an
// example. A chunk's data held by something that outlives the chunk shows up
// as one group of hundreds of like strings (docs/performance.md, lane 19b: the
// bulk body held by the request, the canonical bodies held by a lazy hash).
//
//   SERVICES_NODE_ARGS="--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=/tmp/snap" npm run services:up
//   kill -USR2 <pid>   # mid-load; the snapshot forces a full collection first: live objects only
//   node --max-old-space-size=6000 -r @swc-node/register tools/bench/heap-snapshot-retainers.ts FILE.heapsnapshot [--depth 4] [--top 15] [--all]
//
// Strings longer than 1,024 characters are named truncated in a snapshot; the
// bytes are their own (self size).
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: heap-snapshot-retainers.ts FILE.heapsnapshot [--depth 4] [--top 15] [--all]');
  process.exit(2);
}
const depth = arg('--depth', 4);
const top = arg('--top', 15);
const all = process.argv.includes('--all');

const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const { node_fields: nf, node_types: [nodeTypes], edge_fields: ef, edge_types: [edgeTypes] } = s.snapshot.meta;
const F = nf.length;
const E = ef.length;
const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number];
const { nodes, edges, strings } = s;
const count = nodes.length / F;

// First retainer of each node (not through weak edges): enough to name what holds a group.
const retainer = new Int32Array(count).fill(-1);
const retainerEdge = new Int32Array(count).fill(-1);
for (let n = 0, e = 0; n < count; n++) {
  const end = e + nodes[n * F + iEdges]! * E;
  for (; e < end; e += E) {
    if (edgeTypes[edges[e]!] === 'weak') continue;
    const to = edges[e + 2]! / F;
    if (retainer[to] === -1) {
      retainer[to] = n;
      retainerEdge[to] = e;
    }
  }
}

const typeOf = (n: number) => nodeTypes[nodes[n * F + iType]!]!;
const nameOf = (n: number) => strings[nodes[n * F + iName]!]!;
const isString = (t: string) => t === 'string' || t === 'concatenated string' || t === 'sliced string';
const describe = (n: number) => `${typeOf(n)}:${nameOf(n).slice(0, 50)}`;

const groups = new Map<string, { count: number; bytes: number; example: string }>();
let total = 0;
for (let n = 0; n < count; n++) {
  const type = typeOf(n);
  if (!all && !isString(type)) continue;
  const bytes = nodes[n * F + iSize]!;
  total += bytes;
  const chain: string[] = [];
  for (let cur = n, d = 0; d < depth && retainer[cur] !== -1; d++) {
    const e = retainerEdge[cur]!;
    const edgeType = edgeTypes[edges[e]!];
    const edgeName = edgeType === 'element' || edgeType === 'hidden' ? '[n]' : String(strings[edges[e + 1]!]);
    cur = retainer[cur]!;
    chain.push(`${edgeName} <- ${describe(cur)}`);
  }
  const key = `${all ? `${type} ` : ''}${chain.join(' | ')}`;
  const g = groups.get(key) ?? { count: 0, bytes: 0, example: isString(type) ? nameOf(n).slice(0, 80) : describe(n) };
  g.count++;
  g.bytes += bytes;
  groups.set(key, g);
}

const MB = 1024 * 1024;
console.log(`${file}: ${(total / MB).toFixed(1)} MB of ${all ? 'objects' : 'strings'}`);
for (const [key, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
  console.log(`\n${(g.bytes / MB).toFixed(2)} MB in ${g.count}: ${key}\n  e.g. ${JSON.stringify(g.example)}`);
}
