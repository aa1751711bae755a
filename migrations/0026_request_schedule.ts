/**
 * The request schedule several processes share on one server database for
 * Discord's global limit: one row per budget holding the next free slot, in
 * microseconds since the epoch of the database's own clock. Each request takes
 * that slot and moves it on by one interval, so requests are spaced evenly
 * across every process. It replaces `request_budget`, the fixed windows of
 * rate-limiter-flexible, which is dropped. SQLite gets the table too, so every
 * engine has the same schema, though one process on SQLite paces itself in
 * memory. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Creates `request_schedule` with the row of Discord's global limit, and drops `request_budget`. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("request_schedule");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("name", "varchar(191)", (col) => col.primaryKey())
    .addColumn("next_slot", "bigint", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.insertInto("request_schedule").values({ name: "discord_global", next_slot: 0 })
    .execute();
  await db.schema.dropTable("request_budget").execute();
}

/** Recreates `request_budget` (empty) and drops `request_schedule`. */
export async function down(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("request_budget");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("key", "varchar(191)", (col) => col.primaryKey())
    .addColumn("points", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("expire", "bigint")
    .execute();
  await db.schema.dropTable("request_schedule").execute();
}
