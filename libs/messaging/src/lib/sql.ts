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
  inbox: string;
  notifyChannel: string;
}

export function messagingTables(schema: string): MessagingTables {
  assertSchemaName(schema);
  return {
    schema: `"${schema}"`,
    outbox: `"${schema}"."outbox"`,
    inbox: `"${schema}"."inbox"`,
    notifyChannel: `${schema}_outbox`,
  };
}
