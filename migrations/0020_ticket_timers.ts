/**
 * What a ticket's timers need: when staff first answered and when the opener
 * and the staff last wrote (for statistics), the next step of an auto close and
 * when it is due, the pending close request (its number, who asked, why, when
 * it times out) and when the opener was last looked up. Due times are columns,
 * so every process finds them after a restart. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ["first_staff_response_at", "bigint"],
  ["last_opener_message_at", "bigint"],
  ["last_staff_message_at", "bigint"],
  ["auto_close_step", "varchar(16)"],
  ["auto_close_at", "bigint"],
  ["close_request_seq", "integer"],
  ["close_request_by", "varchar(20)"],
  ["close_request_at", "bigint"],
  ["opener_checked_at", "bigint"],
];

/** Adds the timer columns to `tickets` and indexes the due times. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  for (const [name, type] of COLUMNS) {
    await db.schema.alterTable("tickets").addColumn(name, sql.raw(type)).execute();
  }
  await db.schema.alterTable("tickets")
    .addColumn("close_request_reason", mysql ? sql`longtext` : sql`text`).execute();
  await db.schema.createIndex("tickets_auto_close_at_idx").on("tickets").column("auto_close_at")
    .execute();
  await db.schema.createIndex("tickets_close_request_at_idx").on("tickets")
    .column("close_request_at").execute();
}

/** Drops the indexes and the timer columns. */
export async function down(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  for (const index of ["tickets_close_request_at_idx", "tickets_auto_close_at_idx"]) {
    const drop = db.schema.dropIndex(index);
    await (mysql ? drop.on("tickets") : drop).execute();
  }
  for (const name of ["close_request_reason", ...COLUMNS.map(([column]) => column)].reverse()) {
    await db.schema.alterTable("tickets").dropColumn(name).execute();
  }
}
