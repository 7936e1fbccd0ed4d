#!/usr/bin/env node
// Entry point of the `hiring` command-line tool (npm run -s hiring -- <command>).
import { run } from './program';

/**
 * Once the answer is printed the tool must end, even when a client library
 * still holds a socket (kafkajs keeps retrying a broker that accepted TCP but
 * never answered). The timer is unref'd: it only fires if something else keeps
 * the process alive.
 */
const EXIT_GRACE_MS = 500;

run(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`hiring: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), EXIT_GRACE_MS).unref());
