// Use cases that open their own unit of work (HTTP commands) get it here and
// pass the Tx to repositories and publishers; consumed events arrive with the
// consumer's Tx instead.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { asTx, type Tx } from './tx';

@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  /** For reads outside a transaction. */
  get reader(): Tx {
    return asTx(this.dataSource.manager);
  }
}
