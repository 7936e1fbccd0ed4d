// Table names are built from the service's schema name, so the name is
// checked once here instead of trusting every caller.
const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!IDENT.test(schema)) {
    throw new Error(`messaging schema must match ${String(IDENT)}, got "${schema}"`);
  }
  return schema;
}

export interface MessagingTables {
  schema: string;
  outbox: string;
  /** Outbox rows Kafka refused as too large, set aside by the relay (outboxParkedMigration). */
  parked: string;
  inbox: string;
  notifyChannel: string;
}

export function messagingTables(schema: string): MessagingTables {
  assertSchemaName(schema);
  return {
    schema: `"${schema}"`,
    outbox: `"${schema}"."outbox"`,
    parked: `"${schema}"."outbox_parked"`,
    inbox: `"${schema}"."inbox"`,
    notifyChannel: `${schema}_outbox`,
  };
}

/** A schema name as PascalCase, for migration class names ("candidate_x" -> "CandidateX"). */
export function pascal(s: string): string {
  return s
    .split(/[_\W]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}
