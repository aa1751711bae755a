/**
 * The request budget several processes share on one server database: the row
 * rate-limiter-flexible keeps for Discord's global limit, in the shape it
 * expects (`key`, `points`, `expire` in epoch milliseconds). SQLite gets the table
 * too, so every engine has the same schema, though one process on SQLite paces
 * itself in memory. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Creates the `request_budget` table. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("request_budget");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("key", "varchar(191)", (col) => col.primaryKey())
    .addColumn("points", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("expire", "bigint")
    .execute();
}

/** Drops the `request_budget` table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("request_budget").execute();
}
