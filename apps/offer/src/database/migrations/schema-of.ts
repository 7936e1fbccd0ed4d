import type { QueryRunner } from 'typeorm';

/** The schema the data source is configured for ("offer" in production, a throwaway one in integration tests). */
export function schemaOf(q: QueryRunner): string {
  const schema = (q.connection.options as { schema?: string }).schema ?? 'offer';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name "${schema}"`);
  return `"${schema}"`;
}
