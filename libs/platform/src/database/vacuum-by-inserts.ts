import type { MigrationInterface } from 'typeorm';
import { statementMigration } from './statement-migration';
// Autovacuum of insert-mostly tables after a fixed number of inserted rows,
// not after a fifth of the table (PostgreSQL's default scale factor).
//
// With the default, every table that grows by a candidate's rows crosses its
// threshold at the same time, once per fifth of the database: a wave of
// vacuums whose size grows with the database, over pages written long ago
// (read back from disk once out of the caches, dirtied again for their
// visibility bits and written a second time). A fixed threshold vacuums a few
// thousand rows' pages while they are still in shared buffers, a cost per
// row that does not depend on the table's size (docs/performance.md
// "Postgres cost and database size (lane 21b)").
//
// Only for tables whose rows are inserted and rarely updated or deleted: a
// vacuum that finds dead rows also scans every index of the table, a cost
// that grows with the table, which the default scale factor keeps rare
// (the status table and the monitor's read model keep it).

/** Rows inserted into a table before autovacuum visits it again. */
export const VACUUM_EVERY_INSERTED_ROWS = 20_000;

/** The statements that set (up) or reset (down) the insert-driven autovacuum of these tables (schema-qualified, trusted names). */
export function vacuumByInsertsStatements(tables: readonly string[], rows = VACUUM_EVERY_INSERTED_ROWS): { up: string[]; down: string[] } {
  return {
    up: tables.map((t) => `ALTER TABLE ${t} SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = ${rows})`),
    down: tables.map((t) => `ALTER TABLE ${t} RESET (autovacuum_vacuum_insert_scale_factor, autovacuum_vacuum_insert_threshold)`),
  };
}

/**
 * A TypeORM migration (class named `name`, which ends in its 13-digit
 * timestamp) that sets the insert-driven autovacuum of these tables. Applies
 * at once: the next autovacuum round compares each table's rows inserted
 * since its last vacuum with the new threshold.
 */
export function vacuumByInsertsMigration(name: string, tables: readonly string[]): new () => MigrationInterface {
  const { up, down } = vacuumByInsertsStatements(tables);
  return statementMigration(name, up, down);
}
