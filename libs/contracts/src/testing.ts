// Example events and fixtures for tests and documentation only: production
// code imports @hiring/contracts, never this entry point (lint enforces it).
export * from './examples/event-examples';
export { exampleEvent } from './examples/example-events';
