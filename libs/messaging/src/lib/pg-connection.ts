import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

/** pg client settings equivalent to a TypeORM Postgres DataSource's, for LISTEN and probes. */
export function pgClientConfig(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as unknown as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
    ssl?: ClientConfig['ssl'];
    connectTimeoutMS?: number;
  };
  return {
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    password: o.password,
    database: o.database,
    ssl: o.ssl,
    connectionTimeoutMillis: o.connectTimeoutMS ?? 5_000,
  };
}
