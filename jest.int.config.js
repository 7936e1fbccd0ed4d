// Tier 2: adapters against the real Kafka and Postgres started by deploy/local.
module.exports = require('./jest.preset')(['**/*.int-spec.ts'], {
  testTimeout: 120_000,
  maxWorkers: 1,
});
