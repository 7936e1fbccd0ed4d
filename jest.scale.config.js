// Scale-out test (test/scale-out/): three brokers, several instances per
// service, faults under load. Run by deploy/local/scale-out.sh, which starts
// the cluster it needs; not part of the e2e tier's match.
module.exports = require('./jest.preset')(['<rootDir>/test/**/*.scale-spec.ts'], {
  testTimeout: 600_000,
  maxWorkers: 1,
});
