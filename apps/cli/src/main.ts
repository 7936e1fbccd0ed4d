#!/usr/bin/env node
// Entry point of the `hiring` command-line tool (npm run -s hiring -- <command>).
import { run } from './program';

run(process.argv).catch((error: unknown) => {
  process.stderr.write(`hiring: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
