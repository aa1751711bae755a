/**
 * Panels that offer several ticket types, as buttons or a select menu:
 * `panels.type_ids` (JSON array, in order; `type_id` stays the first) and
 * `panels.style`. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Adds `type_ids` (filled from `type_id`) and `style` (buttons). */
export async function up(db: Kysely<any>): Promise<void> {
  const text = db.getExecutor().adapter instanceof MysqlAdapter ? sql`longtext` : sql`text`;
  await db.schema.alterTable("panels").addColumn("type_ids", text as any).execute();
  await db.schema.alterTable("panels")
    .addColumn("style", "varchar(16)", (col) => col.notNull().defaultTo("buttons")).execute();
  const rows = await db.selectFrom("panels").select(["id", "type_id"]).execute();
  for (const row of rows) {
    await db.updateTable("panels").set({ type_ids: JSON.stringify([Number(row.type_id)]) })
      .where("id", "=", row.id).execute();
  }
}

/** Drops `style` and `type_ids`. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("panels").dropColumn("style").execute();
  await db.schema.alterTable("panels").dropColumn("type_ids").execute();
}
