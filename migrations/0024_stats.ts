/**
 * Indexes for statistics over a period: a guild's tickets by when they were
 * opened and by when they were closed, its open tickets by status, and its audit
 * rows by action and time (reopens), and archived messages by time (messages
 * per staff member). Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter } from "kysely";

const INDEXES: ReadonlyArray<[name: string, table: string, columns: string[]]> = [
  ["tickets_guild_created_idx", "tickets", ["guild_id", "created_at"]],
  ["tickets_guild_closed_idx", "tickets", ["guild_id", "closed_at", "created_at"]],
  ["tickets_guild_status_idx", "tickets", ["guild_id", "status"]],
  ["audit_events_guild_action_idx", "audit_events", ["guild_id", "action", "created_at"]],
  ["archived_messages_created_idx", "archived_messages", ["created_at"]],
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
