import { readFile } from 'node:fs/promises';
import { createValidator, type Validator } from '@hiring/domain';
import { CliInputError } from './cli-error';

/** Largest input accepted: profiles are bounded by their schema, so anything bigger is not one. */
const MAX_INPUT_BYTES = 1_000_000;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new CliInputError(`input on stdin is larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readSource(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<{ text: string; source: string }> {
  if (file === undefined || file === '-') return { text: await readStdin(stdin), source: 'stdin' };
  try {
    const text = await readFile(file, 'utf8');
    if (Buffer.byteLength(text) > MAX_INPUT_BYTES) throw new CliInputError(`${file} is larger than ${MAX_INPUT_BYTES} bytes`);
    return { text, source: file };
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliInputError(`cannot read input file ${file}: ${reason}`);
  }
}

/** Reads JSON from `file` (or stdin when absent or `-`) and validates it against the command's schema. */
export async function readJsonInput<T>(file: string | undefined, validate: Validator<T>, what: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<T> {
  const { text, source } = await readSource(file, stdin);
  if (text.trim() === '') throw new CliInputError(`no input: ${source} is empty (expected ${what} as JSON)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const result = validate(parsed);
  if (!result.ok) throw CliInputError.fromIssues(`${what} in ${source}`, result.errors);
  return result.value;
}

/** Compiles a command's input schema once, on first use. */
export function lazyValidator<T>(schema: object): Validator<T> {
  let compiled: Validator<T> | undefined;
  return (input) => (compiled ??= createValidator<T>(schema))(input);
}
