/**
 * Privacy exports: when each member last had a copy of their data sent by
 * `/privacy mydata`, one row per guild and member, so the once-a-day limit holds
 * across processes and restarts. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Creates `privacy_exports`. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("privacy_exports");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("guild_id", "varchar(32)", (col) => col.notNull())
    .addColumn("user_id", "varchar(32)", (col) => col.notNull())
    .addColumn("exported_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("privacy_exports_pk", ["guild_id", "user_id"])
    .execute();
}

/** Drops `privacy_exports`. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("privacy_exports").execute();
}
