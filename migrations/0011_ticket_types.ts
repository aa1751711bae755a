/**
 * Ticket types with every setting: emoji, description, mode, limits, roles,
 * claim mode, support hours, auto close, feedback, transcript channel,
 * retention; structured questions (the old question strings become required
 * short-text fields); a unique name per guild (`name_key`, lower case) and
 * soft deletion (`deleted_at`, since closed tickets keep their type). Frozen:
 * imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Longest stored type name key (names are at most 100 characters). */
const NAME_KEY_LENGTH = 100;

function bigText(db: Kysely<any>): any {
  return db.getExecutor().adapter instanceof MysqlAdapter ? sql`longtext` : sql`text`;
}

/** Adds the type settings, converts the questions and fills the name keys. */
export async function up(db: Kysely<any>): Promise<void> {
  const text = bigText(db);
  const add = (build: (table: any) => any) => build(db.schema.alterTable("ticket_types")).execute();
  await add((t) => t.addColumn("name_key", `varchar(${NAME_KEY_LENGTH})`));
  await add((t) => t.addColumn("emoji", "varchar(100)"));
  await add((t) => t.addColumn("description", text));
  await add((t) =>
    t.addColumn("mode", "varchar(16)", (col: any) => col.notNull().defaultTo("channel"))
  );
  await add((t) => t.addColumn("parent_channel_id", "varchar(20)"));
  await add((t) => t.addColumn("total_open_cap", "integer"));
  await add((t) => t.addColumn("cooldown_seconds", "integer"));
  await add((t) => t.addColumn("required_role_ids", text));
  await add((t) => t.addColumn("blocked_role_ids", text));
  await add((t) =>
    t.addColumn("claim_mode", "varchar(16)", (col: any) => col.notNull().defaultTo("open"))
  );
  await add((t) => t.addColumn("support_hours", text));
  await add((t) => t.addColumn("auto_close", text));
  await add((t) =>
    t.addColumn("close_when_opener_leaves", "smallint", (col: any) => col.notNull().defaultTo(1))
  );
  await add((t) => t.addColumn("feedback", "smallint", (col: any) => col.notNull().defaultTo(1)));
  await add((t) => t.addColumn("transcript_channel_id", "varchar(20)"));
  await add((t) => t.addColumn("retention_days", "integer"));
  await add((t) =>
    t.addColumn(
      "close_request_timeout_hours",
      "integer",
      (col: any) => col.notNull().defaultTo(24),
    )
  );
  await add((t) => t.addColumn("deleted_at", "bigint"));

  const rows = await db.selectFrom("ticket_types").select(["id", "name", "questions"]).execute();
  for (const row of rows) {
    const old = JSON.parse(String(row.questions)) as unknown[];
    const questions = old.map((q) =>
      typeof q === "string" ? { label: q, style: "short", required: true, options: [] } : q
    );
    await db.updateTable("ticket_types").set({
      name_key: String(row.name).toLowerCase().slice(0, NAME_KEY_LENGTH),
      questions: JSON.stringify(questions),
      required_role_ids: "[]",
      blocked_role_ids: "[]",
    }).where("id", "=", row.id).execute();
  }
  await db.schema.createIndex("ticket_types_name_unique").on("ticket_types")
    .columns(["guild_id", "name_key"]).unique().execute();
}

/** Drops the settings; questions go back to their labels. */
export async function down(db: Kysely<any>): Promise<void> {
  const drop = db.schema.dropIndex("ticket_types_name_unique");
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on("ticket_types") : drop)
    .execute();
  const rows = await db.selectFrom("ticket_types").select(["id", "questions"]).execute();
  for (const row of rows) {
    const questions = JSON.parse(String(row.questions)) as Array<{ label: string }>;
    await db.updateTable("ticket_types")
      .set({ questions: JSON.stringify(questions.map((q) => q.label)) })
      .where("id", "=", row.id).execute();
  }
  for (
    const column of [
      "deleted_at",
      "close_request_timeout_hours",
      "retention_days",
      "transcript_channel_id",
      "feedback",
      "close_when_opener_leaves",
      "auto_close",
      "support_hours",
      "claim_mode",
      "blocked_role_ids",
      "required_role_ids",
      "cooldown_seconds",
      "total_open_cap",
      "parent_channel_id",
      "mode",
      "description",
      "emoji",
      "name_key",
    ]
  ) {
    await db.schema.alterTable("ticket_types").dropColumn(column).execute();
  }
}
