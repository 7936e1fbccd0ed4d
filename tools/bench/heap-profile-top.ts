// Prints where a sampling heap profile's bytes were allocated: the top
// allocation sites (the function that allocated), the top first frames of
// the project's own code on each allocating stack (which of our call sites
// caused it, whatever library allocated underneath), and the top packages.
//
//   node -r @swc-node/register tools/bench/heap-profile-top.ts FILE.heapprofile [--top 25] [--per N]
//
// --per N divides the bytes by N (e.g. the candidates of the window) and
// prints KB per item beside the share. Profiles come from
// tools/bench/heap-sampler.cjs (or Chrome DevTools / node --heap-prof).
import { readFileSync } from 'node:fs';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { callFrame: CallFrame; selfSize: number; id: number; children: ProfileNode[] }
interface Profile { head: ProfileNode }

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: heap-profile-top.ts FILE.heapprofile [--top 25] [--per N]');
  process.exit(2);
}
const top = Number(arg('--top') ?? 25);
const per = arg('--per') ? Number(arg('--per')) : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, '');
}

function site(f: CallFrame): string {
  const name = f.functionName || '(anonymous)';
  return f.url ? `${name} ${shortUrl(f.url)}:${f.lineNumber + 1}` : name;
}

function pkg(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm < 0) return url.includes('/dist/') ? '(project)' : url.startsWith('node:') ? '(node)' : url ? url : '(V8/native)';
  const rest = url.slice(nm + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

const isOurs = (f: CallFrame): boolean => f.url.includes('/dist/') && !f.url.includes('node_modules/');

const bySite = new Map<string, number>();
const byOurFrame = new Map<string, number>();
const byPkg = new Map<string, number>();
let total = 0;

function add(map: Map<string, number>, key: string, bytes: number): void {
  map.set(key, (map.get(key) ?? 0) + bytes);
}

// Walk iteratively (deep stacks) keeping the stack of frames above each node.
const stack: { node: ProfileNode; ours?: CallFrame }[] = [{ node: profile.head }];
while (stack.length) {
  const { node, ours } = stack.pop()!;
  const nearestOurs = isOurs(node.callFrame) ? node.callFrame : ours;
  if (node.selfSize > 0) {
    total += node.selfSize;
    add(bySite, site(node.callFrame), node.selfSize);
    add(byOurFrame, nearestOurs ? site(nearestOurs) : '(no project frame)', node.selfSize);
    add(byPkg, pkg(node.callFrame.url), node.selfSize);
  }
  for (const child of node.children) stack.push({ node: child, ours: nearestOurs });
}

const MB = 1024 * 1024;
function print(title: string, map: Map<string, number>): void {
  console.log(`\n## ${title}\n`);
  console.log(`| share | MB |${per ? ' KB per item |' : ''} site |`);
  console.log(`|---:|---:|${per ? '---:|' : ''}---|`);
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const kb = per ? ` ${(bytes / 1024 / per).toFixed(2)} |` : '';
    console.log(`| ${((100 * bytes) / total).toFixed(1)} % | ${(bytes / MB).toFixed(1)} |${kb} ${key.replace(/\|/g, '\\|')} |`);
  }
}

console.log(`${file}: ${(total / MB).toFixed(1)} MB sampled${per ? `, ${(total / 1024 / per).toFixed(1)} KB per item (${per})` : ''}`);
print('Allocating function', bySite);
print("Nearest project frame on the allocating stack (innermost of apps/ libs/ in dist)", byOurFrame);
print('Package of the allocating function', byPkg);
