// Config and DTO classes here are decorated at import time (class-transformer reads
// design:type), so any process that loads platform, Nest app or not, needs the polyfill.
import 'reflect-metadata';
export * from './config/load-config';
export * from './config/service.config';
export * from './config/differs-from';
export * from './database/data-source';
export * from './database/migrations';
export * from './database/tx';
export * from './database/entity-locks';
export * from './database/savepoint';
export * from './database/prepared-statement';
export * from './database/transactions';
export * from './health/readiness.registry';
export * from './http/problem-details.filter';
export * from './http/validation';
export * from './logging/logging.module';
export * from './logging/stack-traces';
export * from './bootstrap';
export * from './platform.module';
export * from './auth/ops-token.guard';
export * from './auth/auth-failure-throttle';
export * from './http/input-inspection';
export * from './http/content-type';
export * from './crypto/personal-data-cipher';
export * from './time/clock';
export * from './errors/service-exception';
export * from './errors/domain-errors';
export * from './errors/mapped-error';
