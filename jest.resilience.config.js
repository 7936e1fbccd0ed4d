// Resilience suite (test/resilience/): the pipeline as processes under
// injected faults, with a scorecard. `npm run test:resilience`; not part of the
// e2e tier's match. Spec files run one at a time (they inject faults into the
// shared broker and database); the scorecard of all of them is printed at the end.
module.exports = require('./jest.preset')(['<rootDir>/test/**/*.res-spec.ts'], {
  testTimeout: 600_000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/resilience/scorecard.global.js',
  globalTeardown: '<rootDir>/test/resilience/scorecard.teardown.js',
});
