import { isDomainError } from '@hiring/domain';
import { CliInputError, CliUnavailableError, ExitCode, exitCodeFor } from './cli-error';

export interface OutputOptions {
  json?: boolean;
}

/** What a command produces: the JSON answer and its readable rendering. */
export interface CommandResult {
  json: unknown;
  summary: string;
}

/**
 * Runs one command: prints `--json` or the summary on stdout, or a message on
 * stderr with the exit code of the failure. Sets process.exitCode instead of
 * calling process.exit so piped output is flushed.
 */
export async function runAction(name: string, options: OutputOptions, action: () => Promise<CommandResult>): Promise<void> {
  try {
    const result = await action();
    process.stdout.write(options.json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.summary}\n`);
    process.exitCode = ExitCode.OK;
  } catch (error) {
    reportFailure(name, error);
  }
}

/** For commands that print as they go (status --watch, tail): same error reporting and exit codes. */
export async function runStreamingAction(name: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
    process.exitCode = ExitCode.OK;
  } catch (error) {
    reportFailure(name, error);
  }
}

function reportFailure(name: string, error: unknown): void {
  if (error instanceof CliInputError) {
    process.stderr.write(`hiring ${name}: ${error.message}\n`);
    process.exitCode = ExitCode.BAD_INPUT;
  } else if (error instanceof CliUnavailableError) {
    process.stderr.write(`hiring ${name}: ${error.message}\n`);
    process.exitCode = ExitCode.UNAVAILABLE;
  } else if (isDomainError(error)) {
    process.stderr.write(`hiring ${name}: ${error.code}: ${error.message}\n`);
    process.exitCode = exitCodeFor(error.code);
  } else {
    process.stderr.write(`hiring ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = ExitCode.INTERNAL;
  }
}
