import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// The CLI loads @hiring/messaging/dead-letters before anything else; if NestJS,
// TypeORM or pg came along, the CLI would pay for them on every command (and
// NestJS needs reflect-metadata first). Load the entry in a fresh node and list
// what it pulled in from node_modules.
describe('@hiring/messaging/dead-letters', () => {
  it('loads without NestJS, TypeORM or pg', () => {
    const root = resolve(__dirname, '../../..');
    const script = `
      require('./libs/messaging/src/dead-letters.ts');
      const heavy = Object.keys(require.cache).filter((f) => /node_modules\\/(@nestjs|typeorm|pg)\\//.test(f));
      process.stdout.write(JSON.stringify(heavy));
    `;
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
