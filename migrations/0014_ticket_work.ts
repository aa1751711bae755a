/**
 * What working a ticket records: its priority, who it waits for (the member or
 * the staff), when its data expired under its type's retention, and the guild's
 * saved answers (`tags`, a unique name per guild by `name_key`, lower case).
 * Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, sql } from "kysely";

/** Adds the ticket columns and creates `tags`. */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const add = (build: (table: any) => any) => build(db.schema.alterTable("tickets")).execute();
  await add((t) =>
    t.addColumn("priority", "varchar(16)", (col: any) => col.notNull().defaultTo("normal"))
  );
  await add((t) => t.addColumn("waiting_for", "varchar(16)"));
  await add((t) => t.addColumn("expired_at", "bigint"));

  const builder = db.schema.createTable("tags");
  await (mysql
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("guild_id", "varchar(32)", (col) => col.notNull())
    .addColumn("name_key", "varchar(100)", (col) => col.notNull())
    .addColumn("name", "varchar(100)", (col) => col.notNull())
    .addColumn("content", mysql ? sql`longtext` : sql`text`, (col) => col.notNull())
    .addColumn("created_by", "varchar(32)", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("tags_pk", ["guild_id", "name_key"])
    .execute();
}

/** Drops `tags` and the ticket columns. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("tags").execute();
  for (const column of ["expired_at", "waiting_for", "priority"]) {
    await db.schema.alterTable("tickets").dropColumn(column).execute();
  }
}
