// Use cases run their writes and the events they cause in one transaction
// without importing TypeORM: they get a `Tx` from here and pass it to
// repositories and publishers.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** For reads outside a transaction. */
  get reader(): Tx {
    return this.dataSource.manager;
  }
}
