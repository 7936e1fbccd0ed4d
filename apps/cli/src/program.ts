import { Command, CommanderError } from 'commander';
import { ExitCode } from './io/cli-error';
import { COMMAND_GROUPS } from './commands';

export function buildProgram(): Command {
  const program = new Command('hiring')
    .description('Tech-lead hiring rules from the command line: offers, role advice, promotion advice, screening and scoring; dead letters on Kafka.')
    .showHelpAfterError()
    // Commander would exit the process itself; we map its errors to our exit codes instead.
    .exitOverride();
  for (const register of COMMAND_GROUPS) register(program);
  return program;
}

export async function run(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version are successes; any usage error is bad input.
    process.exitCode = error.exitCode === 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}
