import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A TypeORM migration class that runs a list of SQL statements up and another
 * down. The class and its `name` carry the migration's name: TypeORM records
 * and orders migrations by it.
 */
export function statementMigration(name: string, up: readonly string[], down: readonly string[]): new () => MigrationInterface {
  const cls = class implements MigrationInterface {
    name = name;
    async up(queryRunner: QueryRunner): Promise<void> {
      for (const sql of up) await queryRunner.query(sql);
    }
    async down(queryRunner: QueryRunner): Promise<void> {
      for (const sql of down) await queryRunner.query(sql);
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}
