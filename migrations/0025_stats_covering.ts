/**
 * Covering indexes for statistics over long periods: a guild's tickets by when
 * they were opened, with every column the times are measured from (so a year
 * of tickets is read from the index alone, not from the tickets' wide rows),
 * and a ticket's archived messages by time with their author and deletion
 * (messages per staff member). Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter } from "kysely";

const INDEXES: ReadonlyArray<[name: string, table: string, columns: string[]]> = [
  ["tickets_guild_created_times_idx", "tickets", [
    "guild_id",
    "created_at",
    "type_id",
    "status",
    "first_staff_response_at",
    "closed_at",
    "claimed_by",
  ]],
  ["archived_messages_ticket_author_idx", "archived_messages", [
    "ticket_id",
    "created_at",
    "author_id",
    "deleted_at",
  ]],
];

/** Creates the indexes. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

/** Drops the indexes. */
export async function down(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  for (const [name, table] of INDEXES) {
    const drop = db.schema.dropIndex(name);
    await (mysql ? drop.on(table) : drop).execute();
  }
}
