// Global setup and teardown of the resilience suite (jest.resilience.config.js):
// setup names the file scenarios append their rows to (test/support/scorecard.ts),
// teardown prints every row as one table, whichever spec file wrote it.
const { mkdtempSync, readFileSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'resilience-'));
  process.env.RESILIENCE_SCORECARD = join(dir, 'scorecard.jsonl');
}

function teardown() {
  const file = process.env.RESILIENCE_SCORECARD;
  if (!file) return;
  const rows = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim().length > 0)
        .map((l) => JSON.parse(l))
    : [];
  const keys = ['test', 'fault', 'result', 'counts'];
  const width = (k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length));
  const line = (r) => keys.map((k) => String(r[k]).padEnd(width(k))).join(' | ');
  const header = Object.fromEntries(keys.map((k) => [k, k]));
  process.stdout.write(`\nresilience scorecard (${rows.length} scenarios)\n${line(header)}\n${rows.map(line).join('\n')}\n\n`);
  rmSync(join(file, '..'), { recursive: true, force: true });
}

// Jest takes a module whose export is the function: this one is globalSetup,
// scorecard.teardown.js re-exports the teardown.
module.exports = setup;
module.exports.teardown = teardown;
