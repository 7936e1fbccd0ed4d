// The unit of work as use cases, handlers and publishers see it: an opaque
// token they pass along and cannot open. Only the TypeORM adapters
// (repositories, the outbox, the consumer's transaction) turn it into an
// EntityManager, so TypeORM stays out of every port. Light on purpose (a type
// import only): @hiring/messaging reads it through @hiring/platform/tx.
import type { EntityManager } from 'typeorm';

declare const opaque: unique symbol;

export interface Tx {
  readonly [opaque]: 'Tx';
}

/** For the adapter that opens a transaction: hands it out as a Tx. */
export function asTx(manager: EntityManager): Tx {
  return manager as unknown as Tx;
}

/** For a TypeORM adapter (a repository, the outbox): the transaction's EntityManager. */
export function entityManagerOf(tx: Tx): EntityManager {
  return tx as unknown as EntityManager;
}
