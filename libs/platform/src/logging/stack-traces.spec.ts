import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatStack, readSourceMap, StackFrame } from './stack-traces';

// A compiled file whose line 1 comes from line 10 of ../src/thrower.ts and line 2 from line 20
// ("AASA": column 0, source 0, 9 lines down; ";AAUA": next line, 10 more down).
const dir = mkdtempSync(join(tmpdir(), 'stack-traces-'));
const compiled = join(dir, 'dist', 'thrower.js');
const map = { version: 3, sources: ['../src/thrower.ts'], names: [], mappings: 'AASA;AAUA' };

function frame(file: string | null, line: number, column: number, fn = 'throwIt'): StackFrame {
  return {
    getFileName: () => file ?? undefined,
    getLineNumber: () => line,
    getColumnNumber: () => column,
    toString: () => (file ? `${fn} (${file}:${line}:${column})` : `${fn} (native)`),
  } as StackFrame;
}

describe('source-mapped stack traces', () => {
  beforeAll(() => {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(`${compiled}.map`, JSON.stringify(map));
  });

  const load = (file: string) => readSourceMap(`${file}.map`);

  it('names the original file and line of a frame in a mapped file', () => {
    const stack = formatStack(new TypeError('boom'), [frame(compiled, 2, 7), frame(compiled, 1, 3, 'caller')], load);
    expect(stack).toBe(`TypeError: boom\n    at throwIt (${join(dir, 'src', 'thrower.ts')}:20:1)\n    at caller (${join(dir, 'src', 'thrower.ts')}:10:1)`);
  });

  it('leaves frames of libraries, of files without a map and of natives as V8 prints them', () => {
    const library = join(dir, 'node_modules', 'lib', 'index.js');
    const unmapped = join(dir, 'dist', 'other.js');
    const stack = formatStack(new Error('x'), [frame(library, 1, 1), frame(unmapped, 3, 4), frame(null, 0, 0)], load);
    expect(stack).toBe(`Error: x\n    at throwIt (${library}:1:1)\n    at throwIt (${unmapped}:3:4)\n    at throwIt (native)`);
  });

  it('maps the positions in the stack the previous formatter printed', () => {
    const previous = (error: Error, frames: unknown[]) => `${error.message}|${(frames as StackFrame[]).map((f) => `${f.getFileName()}:${f.getLineNumber()}:${f.getColumnNumber()}`).join('|')}`;
    expect(formatStack(new Error('m'), [frame(compiled, 1, 9)], load, previous)).toBe(`m|${join(dir, 'src', 'thrower.ts')}:10:1`);
  });

  it('reads no map for a library frame', () => {
    const loader = jest.fn(load);
    formatStack(new Error('x'), [frame(join(dir, 'node_modules', 'typeorm', 'index.js'), 1, 1)], loader);
    expect(loader).not.toHaveBeenCalled();
  });
});
