// Stack traces that name the TypeScript lines, paid for only when a stack is
// read. `node --enable-source-maps` parses the source map of every module it
// loads, TypeORM's 6 MB of them included, and keeps them on the heap for the
// life of the process (12-15 MB of an idle service, docs/performance.md
// "Peak RSS"). Here a frame of our own compiled code (not node_modules) is
// mapped when a stack is formatted, and only its file's map is read; frames
// of libraries keep their compiled JavaScript position.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';

/** The part of a V8 call site the mapping reads. */
export type StackFrame = Pick<NodeJS.CallSite, 'getFileName' | 'getLineNumber' | 'getColumnNumber'> & { toString(): string };

type MapLoader = (file: string) => SourceMap | undefined;
type StackFormatter = (error: Error, frames: NodeJS.CallSite[]) => string;

/**
 * Maps frames of our compiled code through their `.js.map` from now on, on
 * top of whatever formats stacks (Node's default, or a TypeScript loader's in
 * tests). Nothing to do under `--enable-source-maps`: Node maps every frame.
 */
export function installSourceMappedStackTraces(): boolean {
  if (process.sourceMapsEnabled) return false;
  const load = cachedMapLoader();
  // Typed as always present; before Node 20.x's default it could be undefined.
  const previous = (Error as { prepareStackTrace?: StackFormatter }).prepareStackTrace;
  Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => formatStack(error, frames, load, previous);
  return true;
}

/**
 * The stack as `previous` (or V8) prints it, with the position of each frame
 * of a mapped file replaced by its original file, line and column.
 */
export function formatStack(error: Error, frames: StackFrame[], load: MapLoader, previous?: StackFormatter): string {
  let stack = previous ? previous(error, frames as NodeJS.CallSite[]) : headerOf(error) + frames.map((frame) => `\n    at ${frame.toString()}`).join('');
  for (const frame of frames) {
    const position = mappedPosition(frame, load);
    if (position) stack = stack.split(position.compiled).join(position.original);
  }
  return stack;
}

function headerOf(error: Error): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}

function mappedPosition(frame: StackFrame, load: MapLoader): { compiled: string; original: string } | undefined {
  const file = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!file || !line || !column || !isAbsolute(file) || file.includes('/node_modules/')) return undefined;
  const map = load(file);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1);
  if (!('originalSource' in entry)) return undefined;
  const source = isAbsolute(entry.originalSource) ? entry.originalSource : resolve(dirname(file), entry.originalSource);
  return { compiled: `${file}:${line}:${column}`, original: `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}` };
}

/**
 * Reads `<file>.map` once per file; a file without one (or with one that does
 * not parse) is remembered as unmapped. Bounded by the number of our compiled
 * files that ever appear in a stack.
 */
function cachedMapLoader(): MapLoader {
  const maps = new Map<string, SourceMap | undefined>();
  return (file) => {
    if (!maps.has(file)) maps.set(file, readSourceMap(`${file}.map`));
    return maps.get(file);
  };
}

export function readSourceMap(path: string): SourceMap | undefined {
  try {
    return new SourceMap(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}
