// The resilience scorecard: one row per scenario (test, fault, result, counts).
// Each spec file runs in its own module registry, so rows go to a file the
// suite's global setup names (RESILIENCE_SCORECARD) and its global teardown
// prints as one table after every file ran (scorecard.global.js).
import { appendFileSync } from 'node:fs';

export interface ScoreRow {
  test: string;
  fault: string;
  result: 'pass' | 'FAIL';
  counts: string;
}

function record(row: ScoreRow): void {
  const file = process.env['RESILIENCE_SCORECARD'];
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
  else process.stdout.write(`scorecard: ${row.test} | ${row.fault} | ${row.result} | ${row.counts}\n`);
}

/** Runs a scenario and records its row, whatever happens; the failure still fails the test. */
export async function scenario(test: string, fault: string, body: () => Promise<string>): Promise<void> {
  try {
    const counts = await body();
    record({ test, fault, result: 'pass', counts });
  } catch (error) {
    record({ test, fault, result: 'FAIL', counts: (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 160) ?? '' });
    throw error;
  }
}
