/**
 * Guild departures: when the bot was removed from each guild, by the database's
 * clock, so the guild's data can be deleted 30 days later unless the bot comes
 * back. Guilds already marked left in `meta` (`guild_left:ID` = "1") are counted
 * from the migration. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, PostgresAdapter, sql } from "kysely";

/** Creates `guild_departures` and fills it from the guilds marked left. */
export async function up(db: Kysely<any>): Promise<void> {
  // Frozen migrations share no code: each tells the engines apart itself.
  const adapter = db.getExecutor().adapter;
  const mysql = adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("guild_departures");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("guild_id", "varchar(32)", (col) => col.primaryKey())
    .addColumn("left_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("guild_departures_left_at_idx").on("guild_departures")
    .column("left_at").execute();

  // The database's time in epoch milliseconds, as `src/db/stores/database_now.ts` writes it.
  const now = adapter instanceof PostgresAdapter
    ? sql`floor(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : mysql
    ? sql`(timestampdiff(microsecond, '1970-01-01 00:00:00', utc_timestamp(6)) div 1000)`
    : sql`cast(round((julianday('now') - 2440587.5) * 86400000) as integer)`;
  const key = sql.ref("key");
  await db.insertInto("guild_departures").columns(["guild_id", "left_at"]).expression(
    db.selectFrom("meta")
      .select([sql`substr(${key}, 12)`.as("guild_id"), now.as("left_at")])
      .where(sql`substr(${key}, 1, 11)`, "=", "guild_left:")
      .where("value", "=", "1"),
  ).execute();
}

/** Drops `guild_departures`. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("guild_departures").execute();
}
