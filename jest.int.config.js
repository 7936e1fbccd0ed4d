// Tier 2: adapters against the real Kafka and Postgres started by deploy/local.
module.exports = require('./jest.preset')(['**/*.int-spec.ts'], {
  testTimeout: 120_000,
  maxWorkers: 1,
  // A pg Client sent a second query while one runs fails the test (pg 9 refuses it).
  setupFiles: ['reflect-metadata', '<rootDir>/tools/jest/pg-one-query-at-a-time.js'],
});
