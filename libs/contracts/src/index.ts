// Public surface of @hiring/contracts: topics, the event catalogue, the
// CloudEvents envelope, payload classes, validation and JSON Schemas.
import 'reflect-metadata';

export * from './topics';
export * from './catalogue';
export * from './cloudevent';
export * from './ids';
export { precompileContracts } from './compiled-contract';
export * from './kafka-record';
export * from './contract-violation.exception';
export * from './validation';
export * from './canonical-json';
export * from './submission-signature';
export * from './webhook-signature';
export * from './events/vocabulary';
export * from './events/common.payload';
export * from './events/candidate-profile.payload';
export * from './events/submission.event';
export * from './events/candidate-sourced.event';
export * from './events/candidate-screened.event';
export * from './events/candidate-scored.event';
export * from './events/offer-guidance.event';
export * from './events/offer-decided.event';
export * from './events/candidate-erased.event';
export * from './events/interview-feedback.event';
export { ASYNCAPI_SCHEMAS, PAYLOAD_SCHEMA_FILES, bundleSchema, envelopeSchema, type JsonSchema } from './schemas/json-schema';
export * from './sealed-value';
export type { RescreenChange, RescreenReport } from './http/rescreen-report';
