/**
 * Feedback after close: one row per closed ticket whose opener was asked for a
 * rating, with the staff member it is attributed to, the rating (1-5) and an
 * optional comment once given, and where the close summary was posted so it can
 * show the rating. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Creates `ticket_feedback`. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const builder = db.schema.createTable("ticket_feedback");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("ticket_id", "integer", (col) => col.primaryKey())
    .addColumn("guild_id", "varchar(32)", (col) => col.notNull())
    .addColumn("summary_channel_id", "varchar(32)")
    .addColumn("summary_message_id", "varchar(32)")
    .addColumn("staff_id", "varchar(32)")
    .addColumn("asked_at", "bigint")
    .addColumn("rating", "smallint")
    .addColumn("comment", mysql ? sql`longtext` : sql`text`)
    .addColumn("rated_at", "bigint")
    .execute();
  await db.schema.createIndex("ticket_feedback_guild").on("ticket_feedback")
    .columns(["guild_id", "rated_at"]).execute();
}

/** Drops `ticket_feedback`. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("ticket_feedback").execute();
}
