// Compiles one project's sources to dist/<projectRoot> with SWC. Path aliases
// come from tsconfig.base.json (one source of truth, shared with jest), and
// are rewritten to relative paths so the output runs on plain node.
// With --bundle (the services' build target), the app's entry points are then
// bundled into one file each (tools/bundle-service.mjs).
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [projectRoot, ...flags] = process.argv.slice(2);
if (!projectRoot || flags.some((f) => f !== '--bundle')) {
  console.error('usage: node tools/build-project.mjs <projectRoot> [--bundle]');
  process.exit(2);
}
const { compilerOptions } = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(entry.name)) yield path;
  }
}

let count = 0;
for await (const file of sources(join(root, projectRoot, 'src'))) {
  const out = join(root, 'dist', file.slice(root.length + 1)).replace(/\.ts$/, '.js');
  const { code, map } = await transformFile(file, {
    ...swcrc,
    swcrc: false,
    filename: file,
    sourceMaps: true,
    jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
  });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
  if (map) await writeFile(`${out}.map`, map);
  count += 1;
}
// JSON assets (schemas) are read at run time.
async function* assets(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* assets(path);
    else if (entry.name.endsWith('.json')) yield path;
  }
}
for await (const file of assets(join(root, projectRoot, 'src'))) {
  const out = join(root, 'dist', file.slice(root.length + 1));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await readFile(file));
}
console.log(`${projectRoot}: ${count} files -> dist/${projectRoot}`);
if (flags.includes('--bundle')) {
  const { bundleService } = await import('./bundle-service.mjs');
  console.log(`${projectRoot}: bundled ${(await bundleService(root, projectRoot)).join(', ')}`);
}
