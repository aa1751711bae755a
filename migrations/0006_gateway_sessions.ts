/**
 * Gateway sessions, per shard: when each began (READY after an IDENTIFY), when
 * it was last known to be connected, and whether it still is. The live archive
 * is complete for a guild over the time a session of its shard covered (a
 * RESUME replays what was missed, so only a new IDENTIFY or an outage opens a
 * gap); a close fetches Discord's history only for the rest. Frozen: imports
 * nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Creates the `gateway_sessions` table. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("gateway_sessions");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("id", "varchar(64)", (col) => col.primaryKey())
    .addColumn("shard_id", "integer", (col) => col.notNull())
    .addColumn("shard_count", "integer", (col) => col.notNull())
    .addColumn("started_at", "bigint", (col) => col.notNull())
    .addColumn("seen_at", "bigint", (col) => col.notNull())
    .addColumn("live", "smallint", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("gateway_sessions_seen_idx").on("gateway_sessions")
    .columns(["seen_at"]).execute();
}

/** Drops the `gateway_sessions` table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("gateway_sessions").execute();
}
