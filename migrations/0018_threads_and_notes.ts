/**
 * Thread-mode tickets and staff notes: what a thread ticket's close does with its
 * thread (`thread_close`: archive or delete), the private staff thread of a
 * channel ticket (`tickets.notes_thread_id`), and `ticket_notes`, the notes kept
 * apart from the transcript the opener receives (one row per note, keyed by the
 * note's Discord message or interaction id). Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Adds the columns and creates `ticket_notes`. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  await db.schema.alterTable("ticket_types")
    .addColumn("thread_close", "varchar(16)", (col) => col.notNull().defaultTo("archive"))
    .execute();
  await db.schema.alterTable("tickets").addColumn("notes_thread_id", "varchar(32)").execute();
  await db.schema.createIndex("tickets_notes_thread").on("tickets").column("notes_thread_id")
    .execute();
  const builder = db.schema.createTable("ticket_notes");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("ticket_id", "integer", (col) => col.notNull())
    .addColumn("note_id", "varchar(32)", (col) => col.notNull())
    .addColumn("author_id", "varchar(32)", (col) => col.notNull())
    .addColumn("payload", mysql ? sql`longtext` : sql`text`, (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("ticket_notes_pk", ["ticket_id", "note_id"])
    .execute();
}

/** Drops `ticket_notes` and the columns. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("ticket_notes").execute();
  const drop = db.schema.dropIndex("tickets_notes_thread");
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on("tickets") : drop).execute();
  await db.schema.alterTable("tickets").dropColumn("notes_thread_id").execute();
  await db.schema.alterTable("ticket_types").dropColumn("thread_close").execute();
}
