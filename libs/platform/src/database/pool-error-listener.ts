// When Postgres ends a session (fast shutdown, 57P01), a pooled client that is
// checked out but between queries (a transaction awaiting other work) emits
// 'error' with nobody listening: pg's pool only listens to idle clients, and
// an unheard 'error' ends the Node process. Every client the pool opens gets a
// listener here, so the next query on that client fails instead, and the
// caller's failure policy takes over (the consumers pause and probe, HTTP
// answers 503). Seen in the resilience suite's Postgres outage.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

@Injectable()
export class PoolErrorListener implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return;
    const listen = (client: PoolClient) => {
      client.on('error', (error: Error) => this.logger.warn(`database connection lost: ${error.message}`));
    };
    pool.on('connect', listen);
    // Clients opened before this ran (TypeORM's first connection check).
    for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) listen(client);
  }
}
