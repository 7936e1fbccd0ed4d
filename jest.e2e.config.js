// Tier 3: the whole pipeline as real processes (test/).
module.exports = require('./jest.preset')(['<rootDir>/test/**/*.e2e-spec.ts'], {
  testTimeout: 600_000,
  maxWorkers: 1,
});
