export * from './identifiers';
export * from './ownership-rules';
export * from './decide-ownership';
export * from './submission-progress';
