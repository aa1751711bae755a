/**
 * The first schema. Frozen: later changes go in new migrations, and this file
 * imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import {
  type CreateTableBuilder,
  type Expression,
  type Kysely,
  MysqlAdapter,
  PostgresAdapter,
  sql,
} from "kysely";

type Dialect = "sqlite" | "postgres" | "mysql";

function dialectOf(db: Kysely<any>): Dialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return "postgres";
  if (adapter instanceof MysqlAdapter) return "mysql";
  return "sqlite";
}

/** Column types that differ between dialects. */
function typesFor(dialect: Dialect) {
  // MySQL's `text` holds 64 KB and `blob` as much: transcripts and payloads need the long forms.
  return {
    id: dialect === "postgres" ? "serial" : "integer",
    bigText: dialect === "mysql" ? sql`longtext` : sql`text`,
    bytes: dialect === "postgres" ? sql`bytea` : dialect === "mysql" ? sql`longblob` : sql`blob`,
  } as const;
}

/** Creates every table of the first schema. */
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const t = typesFor(dialect);
  const snowflake = "varchar(20)";

  /** Starts a table; on MySQL, InnoDB with utf8mb4 and exact (binary) comparisons. */
  const table = (name: string): CreateTableBuilder<string, never> => {
    const builder = db.schema.createTable(name);
    return dialect === "mysql"
      ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
      : builder;
  };
  const autoId = (builder: CreateTableBuilder<string, never>) =>
    builder.addColumn("id", t.id as any, (col) => {
      const primary = col.primaryKey();
      return dialect === "postgres" ? primary : primary.autoIncrement();
    });
  const raw = (type: Expression<unknown>) => type as any;

  await table("guild_settings")
    .addColumn("guild_id", snowflake, (col) => col.primaryKey())
    .addColumn("log_channel_id", snowflake)
    .addColumn("transcript_dm", "smallint", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .execute();

  await autoId(table("ticket_types"))
    .addColumn("guild_id", snowflake, (col) => col.notNull())
    .addColumn("name", raw(t.bigText), (col) => col.notNull())
    // 1 for the default type and NULL for the others, so the unique key allows one default.
    .addColumn("is_default", "smallint")
    .addColumn("category_id", snowflake)
    .addColumn("staff_role_ids", raw(t.bigText), (col) => col.notNull())
    .addColumn("naming_scheme", raw(t.bigText), (col) => col.notNull())
    .addColumn("welcome_text", raw(t.bigText))
    .addColumn("questions", raw(t.bigText), (col) => col.notNull())
    .addColumn("max_open_per_member", "integer", (col) => col.notNull())
    .addColumn("openers_may_add_members", "smallint", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addUniqueConstraint("ticket_types_one_default", ["guild_id", "is_default"])
    .execute();

  await autoId(table("panels"))
    .addColumn("guild_id", snowflake, (col) => col.notNull())
    .addColumn("channel_id", snowflake, (col) => col.notNull())
    .addColumn("message_id", snowflake, (col) => col.notNull())
    .addColumn("type_id", "integer", (col) => col.notNull())
    .addColumn("title", raw(t.bigText), (col) => col.notNull())
    .addColumn("description", raw(t.bigText), (col) => col.notNull())
    .addColumn("button_label", raw(t.bigText), (col) => col.notNull())
    .addColumn("created_by", snowflake, (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addUniqueConstraint("panels_message_unique", ["message_id"])
    .addForeignKeyConstraint("panels_type_fk", ["type_id"], "ticket_types", ["id"])
    .execute();

  await autoId(table("tickets"))
    .addColumn("guild_id", snowflake, (col) => col.notNull())
    .addColumn("number", "integer", (col) => col.notNull())
    .addColumn("type_id", "integer", (col) => col.notNull())
    .addColumn("channel_id", snowflake)
    .addColumn("opener_id", snowflake, (col) => col.notNull())
    .addColumn("status", "varchar(16)", (col) => col.notNull())
    .addColumn("claimed_by", snowflake)
    .addColumn("topic", raw(t.bigText))
    .addColumn("answers", raw(t.bigText), (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("closed_at", "bigint")
    .addColumn("closed_by", snowflake)
    .addColumn("close_reason", raw(t.bigText))
    .addColumn("close_step", "varchar(32)")
    .addColumn("assistant_paused", "smallint", (col) => col.notNull())
    .addColumn("relay_notice_at", "bigint")
    .addUniqueConstraint("tickets_guild_number_unique", ["guild_id", "number"])
    .addUniqueConstraint("tickets_channel_unique", ["channel_id"])
    .addForeignKeyConstraint("tickets_type_fk", ["type_id"], "ticket_types", ["id"])
    .execute();
  await db.schema.createIndex("tickets_opener_status_idx").on("tickets")
    .columns(["guild_id", "opener_id", "status"]).execute();
  await db.schema.createIndex("tickets_status_idx").on("tickets").column("status").execute();

  await table("ticket_members")
    .addColumn("ticket_id", "integer", (col) => col.notNull())
    .addColumn("user_id", snowflake, (col) => col.notNull())
    .addColumn("added_by", snowflake, (col) => col.notNull())
    .addColumn("added_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("ticket_members_pk", ["ticket_id", "user_id"])
    .addForeignKeyConstraint(
      "ticket_members_ticket_fk",
      ["ticket_id"],
      "tickets",
      ["id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await table("transcripts")
    .addColumn("ticket_id", "integer", (col) => col.primaryKey())
    .addColumn("html", raw(t.bytes), (col) => col.notNull())
    .addColumn("text", raw(t.bytes), (col) => col.notNull())
    .addColumn("compressed", "smallint", (col) => col.notNull())
    .addColumn("byte_size", "bigint", (col) => col.notNull())
    .addColumn("message_count", "integer", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addForeignKeyConstraint(
      "transcripts_ticket_fk",
      ["ticket_id"],
      "tickets",
      ["id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await table("attachments")
    .addColumn("ticket_id", "integer", (col) => col.notNull())
    .addColumn("message_id", snowflake, (col) => col.notNull())
    .addColumn("attachment_id", snowflake, (col) => col.notNull())
    .addColumn("filename", raw(t.bigText), (col) => col.notNull())
    .addColumn("content_type", "varchar(255)")
    .addColumn("size", "bigint", (col) => col.notNull())
    .addColumn("data", raw(t.bytes), (col) => col.notNull())
    .addPrimaryKeyConstraint("attachments_pk", ["ticket_id", "attachment_id"])
    .addForeignKeyConstraint(
      "attachments_ticket_fk",
      ["ticket_id"],
      "tickets",
      ["id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await table("archived_messages")
    .addColumn("message_id", snowflake, (col) => col.primaryKey())
    .addColumn("ticket_id", "integer", (col) => col.notNull())
    .addColumn("author_id", snowflake, (col) => col.notNull())
    .addColumn("payload", raw(t.bigText), (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("edited_at", "bigint")
    .addColumn("deleted_at", "bigint")
    .addForeignKeyConstraint(
      "archived_messages_ticket_fk",
      ["ticket_id"],
      "tickets",
      ["id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("archived_messages_ticket_idx").on("archived_messages")
    .columns(["ticket_id", "created_at"]).execute();

  // No foreign key to tickets: the audit trail outlives discarded tickets.
  await autoId(table("audit_events"))
    .addColumn("guild_id", snowflake, (col) => col.notNull())
    .addColumn("ticket_id", "integer")
    .addColumn("actor_id", snowflake)
    .addColumn("action", "varchar(64)", (col) => col.notNull())
    .addColumn("detail", raw(t.bigText), (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("audit_events_guild_idx").on("audit_events")
    .columns(["guild_id", "id"]).execute();

  await table("guild_counters")
    .addColumn("guild_id", snowflake, (col) => col.primaryKey())
    .addColumn("next_number", "integer", (col) => col.notNull())
    .execute();

  await table("meta")
    .addColumn("key", "varchar(191)", (col) => col.primaryKey())
    .addColumn("value", raw(t.bigText), (col) => col.notNull())
    .execute();
}

/** Drops every table `up` created. */
export async function down(db: Kysely<any>): Promise<void> {
  for (
    const name of [
      "meta",
      "guild_counters",
      "audit_events",
      "archived_messages",
      "attachments",
      "transcripts",
      "ticket_members",
      "tickets",
      "panels",
      "ticket_types",
      "guild_settings",
    ]
  ) {
    await db.schema.dropTable(name).execute();
  }
}
