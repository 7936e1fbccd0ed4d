// Bundles a service's compiled entry points (dist/apps/<svc>/src/main.js and
// migrate.js, SWC's output with the decorator metadata already in it) into
// one minified file each, in place, so a service loads one module instead of
// ~2,500 files of node_modules and dist/libs: less module source text and
// fewer module objects on the idle heap, which V8 multiplies into the peak
// (docs/performance.md "Idle heap: one bundle per service (lane 21a)").
//
// Kept external, required from node_modules at run time as before:
// - a package that is not installed (optional peers: other ORMs' drivers,
//   @nestjs/websockets, pg-native ...), so it fails at run time exactly where
//   it failed before, inside the library's own try/catch or loader;
// - RUNTIME_EXTERNALS below, which need their own files on disk.
// Left out, replaced by a stub that throws when used (UNUSED below): code the
// services never run but their libraries load eagerly: TypeORM's drivers
// other than Postgres (its DriverFactory requires all 18), class-validator's
// phone number metadata (IsPhoneNumber only), multer (file uploads). ~4 MB of
// an idle heap of ~45.
// --keep-names: NestJS and TypeORM read class names (provider and repository
// tokens, migration timestamps), so the minifier must not rename classes.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { chmod, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keepOwnMappings } from './source-map-own.mjs';

const RUNTIME_EXTERNALS = [
  // serves its own files from its package directory (__dirname)
  'swagger-ui-dist',
  // libs/messaging patches kafkajs' modules through require: they must be
  // the instances the Kafka client uses, so both come from node_modules
  'kafkajs',
];

const UNUSED = [
  { path: /^\.\/(?!postgres\/)[a-z-0-9]+\/[A-Za-z0-9]+$/, importer: /\/typeorm\/driver\/DriverFactory\.js$/ },
  { path: /^libphonenumber-js\/max$/, importer: /\/class-validator\// },
  { path: /^multer$/, importer: /\/@nestjs\/platform-express\// },
];

/** Any export of a stub is a function that throws, called or constructed. */
const STUB = `const why = (name) => new Error(\`\${String(name)} of \${MODULE} is not in this build (tools/bundle-service.mjs UNUSED)\`);
module.exports = new Proxy({}, {
  get(_, name) {
    if (typeof name === 'symbol' || name === '__esModule' || name === 'then') return undefined;
    return function unused() { throw why(name); };
  },
});`;

const unusedAsStub = {
  name: 'unused-as-stub',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const hit = UNUSED.some((u) => u.path.test(args.path) && u.importer.test(args.importer));
      return hit ? { path: `${args.importer}:${args.path}`, namespace: 'unused' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({
      contents: `const MODULE = ${JSON.stringify(args.path.slice(args.path.lastIndexOf('node_modules/') + 13))};\n${STUB}`,
      loader: 'js',
    }));
  },
};

/** Marks a bare import that does not resolve from its importer as external. */
const missingAsExternal = {
  name: 'missing-as-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      try {
        createRequire(join(args.resolveDir, 'index.js')).resolve(args.path);
        return undefined;
      } catch {
        return { path: args.path, external: true };
      }
    });
  },
};

/**
 * Replaces dist/<projectRoot>/src/{main,migrate}.js, and the per-file output
 * beside them, by one bundle each with a linked source map to our TypeScript
 * (tools/source-map-own.mjs).
 */
export async function bundleService(root, projectRoot, entries = ['main', 'migrate']) {
  const srcDir = join(root, 'dist', projectRoot, 'src');
  const staging = await mkdtemp(join(root, 'dist', projectRoot, '.bundle-'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries.map((e) => [e, join(srcDir, `${e}.js`)])),
    outdir: staging,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    external: RUNTIME_EXTERNALS,
    plugins: [unusedAsStub, missingAsExternal],
    logLevel: 'error',
    metafile: true,
  });
  for (const e of entries) {
    const map = join(staging, `${e}.js.map`);
    await writeFile(map, JSON.stringify(keepOwnMappings(JSON.parse(await readFile(map, 'utf8')))));
  }
  await rm(srcDir, { recursive: true });
  await chmod(staging, 0o755); // mkdtemp makes it private
  await rename(staging, srcDir);
  return Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => `${file.split('/').pop()} ${(out.bytes / 1024 / 1024).toFixed(1)} MB`);
}
