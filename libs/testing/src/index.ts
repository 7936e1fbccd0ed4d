// Helpers shared by integration (*.int-spec.ts) and end-to-end tests that run
// against the real Kafka and Postgres started by deploy/local/infra.sh.
export * from './wait-for';
export * from './test-env';
export * from './unique-name';
export * from './kafka-topics';
export * from './service-process';
export * from './service-lifecycle';
export * from './topic-probe';
export * from './kafka-test-kit';
export * from './prometheus-names';
export * from './tcp-proxy';
export * from './entity-locks';
export * from './sourcing-groups';
