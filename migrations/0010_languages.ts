/**
 * Languages: the guild's chosen language (NULL until `/config language` sets
 * it; the guild's own Discord locale is used meanwhile) and each member's last
 * known Discord locale, for the direct messages the bot sends them. Frozen:
 * imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Adds `guild_settings.language` and creates `member_locales`. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  await db.schema.alterTable("guild_settings").addColumn("language", "varchar(16)").execute();
  const builder = db.schema.createTable("member_locales");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("user_id", "varchar(32)", (col) => col.primaryKey())
    .addColumn("locale", "varchar(16)", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .execute();
}

/** Drops `member_locales` and `guild_settings.language`. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("member_locales").execute();
  await db.schema.alterTable("guild_settings").dropColumn("language").execute();
}
