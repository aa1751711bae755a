/**
 * Locks held in the database, so several processes sharing one database take
 * turns at work that must not run twice at once. Frozen: imports nothing from
 * `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Creates the `locks` table: one row per held lock, until it is released or expires. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("locks");
  // The key is at most 191 characters: the longest utf8mb4 key MySQL indexes everywhere.
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("key", "varchar(191)", (col) => col.primaryKey())
    .addColumn("holder", "varchar(64)", (col) => col.notNull())
    .addColumn("expires_at", "bigint", (col) => col.notNull())
    .execute();
}

/** Drops the `locks` table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("locks").execute();
}
