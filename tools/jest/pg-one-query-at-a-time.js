// Integration and end-to-end tests only: a pg Client that is sent a query while
// it still runs (or queues) another fails at once, naming the caller. pg 8 then
// queues it with a deprecation warning, and only from the third overlapping
// query on ("Calling client.query() when the client is already executing a
// query"); pg 9 refuses it. Tests, and the service code they run in process,
// must await a client's queries in sequence or use a pool (which hands each
// query its own client). Patched per test file: jest loads pg anew in each
// file's module registry, and this setup file runs in it.
const { Client } = require('pg');

const query = Client.prototype.query;
Client.prototype.query = function queryOneAtATime(...args) {
  if ((this._activeQuery || this._queryQueue.length > 0) && !this.pipeline) {
    throw new Error(
      'pg Client.query() called while the client is still executing another query: await the first (or use a pool). ' +
        'pg 8 warns "client.query() already executing", pg 9 refuses it (tools/jest/pg-one-query-at-a-time.js)',
    );
  }
  return query.apply(this, args);
};
