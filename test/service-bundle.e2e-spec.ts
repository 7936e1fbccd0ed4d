// The services as built: dist/apps/<svc>/src/{main,migrate}.js are esbuild
// bundles (tools/bundle-service.mjs). Their source maps must carry our own
// sources only, with exact lines (a stack frame of the bundle names the
// TypeScript line), and the code left out on purpose (TypeORM's other
// drivers) must be out, the Postgres driver in. pipeline-boot.e2e-spec.ts
// boots the same files.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const SERVICES = ['sourcing', 'screening', 'scoring', 'offer', 'monitor'];

/** Zero-based line and column of the first occurrence of `text`. */
function positionOf(source: string, text: string): { line: number; column: number } {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`"${text}" not found`);
  const before = source.slice(0, at);
  return { line: before.split('\n').length - 1, column: at - (before.lastIndexOf('\n') + 1) };
}

describe.each(SERVICES)('the %s bundle', (service) => {
  const dir = resolve(ROOT, 'dist/apps', service, 'src');
  const main = resolve(dir, 'main.js');

  it('is one file per entry point, with a map of our own sources only', () => {
    for (const entry of ['main.js', 'migrate.js', 'main.js.map', 'migrate.js.map']) expect(existsSync(resolve(dir, entry))).toBe(true);
    expect(existsSync(resolve(dir, 'app.module.js'))).toBe(false);
    const map = JSON.parse(readFileSync(`${main}.map`, 'utf8')) as { sources: string[] };
    expect(map.sources.filter((s) => s.includes('node_modules/'))).toEqual([]);
    expect(map.sources).toContain(`../../../../apps/${service}/src/main.ts`);
  });

  it('maps a position of main.ts back to its TypeScript line', () => {
    const text = `${service} failed to start`;
    const bundle = readFileSync(main, 'utf8');
    const typescript = readFileSync(resolve(ROOT, 'apps', service, 'src/main.ts'), 'utf8');
    const at = positionOf(bundle, text);
    const entry = new SourceMap(JSON.parse(readFileSync(`${main}.map`, 'utf8'))).findEntry(at.line, at.column);
    expect(entry).toMatchObject({ originalSource: `../../../../apps/${service}/src/main.ts`, originalLine: positionOf(typescript, text).line });
  });

  it("carries TypeORM's Postgres driver and none of the others", () => {
    const bundle = readFileSync(main, 'utf8');
    expect(bundle).toContain('PostgresQueryRunner');
    for (const other of ['MysqlQueryRunner', 'SqlServerQueryRunner', 'OracleQueryRunner', 'MongoQueryRunner', 'SpannerQueryRunner']) expect(bundle).not.toContain(other);
    expect(bundle).toContain('DriverFactory.js:./mysql/MysqlDriver');
  });
});
