// Resilience suite (test/resilience/): the pipeline as processes under
// injected faults, with a scorecard. `npm run test:resilience`; not part of the
// e2e tier's match.
module.exports = require('./jest.preset')(['<rootDir>/test/**/*.res-spec.ts'], {
  testTimeout: 600_000,
  maxWorkers: 1,
});
