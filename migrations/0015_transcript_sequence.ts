/**
 * Several transcripts per ticket: a reopened ticket keeps the transcript of each
 * close, so `transcripts` moves from the key `ticket_id` to (`ticket_id`,
 * `sequence`), every existing row becoming its ticket's first; and tickets count
 * their reopens (`reopen_count`), which names the transcript the next close
 * writes. SQLite cannot change a primary key: the table is made again, its rows
 * copied as they are (sealed bytes stay sealed), the old one dropped and the new
 * one renamed. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, PostgresAdapter, sql } from "kysely";

type Dialect = "sqlite" | "postgres" | "mysql";

function dialectOf(db: Kysely<any>): Dialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return "postgres";
  if (adapter instanceof MysqlAdapter) return "mysql";
  return "sqlite";
}

const COLUMNS = [
  "ticket_id",
  "html",
  "text",
  "compressed",
  "byte_size",
  "message_count",
  "created_at",
] as const;

/** Creates `name` with the transcript columns, keyed by `key` (SQLite only). */
async function createSqliteTable(
  db: Kysely<any>,
  name: string,
  key: "ticket_id" | "sequence",
): Promise<void> {
  let builder = db.schema.createTable(name)
    .addColumn("ticket_id", "integer", (col) => col.notNull())
    .addColumn("html", "blob", (col) => col.notNull())
    .addColumn("text", "blob", (col) => col.notNull())
    .addColumn("compressed", "smallint", (col) => col.notNull())
    .addColumn("byte_size", "bigint", (col) => col.notNull())
    .addColumn("message_count", "integer", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull());
  if (key === "sequence") {
    builder = builder.addColumn("sequence", "integer", (col) => col.notNull().defaultTo(1))
      .addPrimaryKeyConstraint("transcripts_pk", ["ticket_id", "sequence"]);
  } else {
    builder = builder.addPrimaryKeyConstraint("transcripts_pk", ["ticket_id"]);
  }
  await builder.addForeignKeyConstraint(
    "transcripts_ticket_fk",
    ["ticket_id"],
    "tickets",
    ["id"],
    (fk) => fk.onDelete("cascade"),
  ).execute();
}

/** Makes `transcripts` again (SQLite), copying the rows `copy` selects. */
async function rebuildSqlite(
  db: Kysely<any>,
  key: "ticket_id" | "sequence",
  copy: (columns: string) => ReturnType<typeof sql>,
): Promise<void> {
  await createSqliteTable(db, "transcripts_next", key);
  const columns = key === "sequence" ? [...COLUMNS, "sequence"] : [...COLUMNS];
  const list = columns.map((c) => `"${c}"`).join(", ");
  await sql`insert into transcripts_next (${sql.raw(list)}) ${copy(list)}`.execute(db);
  await db.schema.dropTable("transcripts").execute();
  await db.schema.alterTable("transcripts_next").renameTo("transcripts").execute();
}

/** Adds `tickets.reopen_count` and keys `transcripts` by ticket and sequence. */
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema.alterTable("tickets")
    .addColumn("reopen_count", "integer", (col) => col.notNull().defaultTo(0)).execute();
  if (dialect === "sqlite") {
    const old = COLUMNS.map((c) => `"${c}"`).join(", ");
    await rebuildSqlite(db, "sequence", () => sql`select ${sql.raw(old)}, 1 from transcripts`);
  } else if (dialect === "postgres") {
    await db.schema.alterTable("transcripts")
      .addColumn("sequence", "integer", (col) => col.notNull().defaultTo(1)).execute();
    await sql`alter table transcripts drop constraint transcripts_pkey`.execute(db);
    await db.schema.alterTable("transcripts")
      .addPrimaryKeyConstraint("transcripts_pk", ["ticket_id", "sequence"]).execute();
  } else {
    // One statement, so the foreign key's column is never without an index.
    await sql`alter table transcripts add column ${sql.ref("sequence")} integer not null default 1,
      drop primary key, add primary key (ticket_id, ${sql.ref("sequence")})`.execute(db);
  }
}

/** Keeps each ticket's latest transcript under the old key; drops `reopen_count`. */
export async function down(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const older = sql`exists (select 1 from (select ticket_id, max(${
    sql.ref("sequence")
  }) as latest from transcripts group by ticket_id) l
    where l.ticket_id = transcripts.ticket_id and l.latest > transcripts.${sql.ref("sequence")})`;
  if (dialect === "sqlite") {
    const list = COLUMNS.map((c) => `"${c}"`).join(", ");
    await rebuildSqlite(
      db,
      "ticket_id",
      () => sql`select ${sql.raw(list)} from transcripts where not ${older}`,
    );
  } else if (dialect === "postgres") {
    await sql`delete from transcripts where ${older}`.execute(db);
    await db.schema.alterTable("transcripts").dropConstraint("transcripts_pk").execute();
    await db.schema.alterTable("transcripts").dropColumn("sequence").execute();
    await sql`alter table transcripts add constraint transcripts_pkey primary key (ticket_id)`
      .execute(db);
  } else {
    // MySQL cannot name the table being deleted from in a subquery: the derived table copes.
    await sql`delete t from transcripts t join (select ticket_id, max(${
      sql.ref("sequence")
    }) as latest from transcripts group by ticket_id) l
      on l.ticket_id = t.ticket_id where t.${sql.ref("sequence")} < l.latest`.execute(db);
    await sql`alter table transcripts drop primary key, add primary key (ticket_id),
      drop column ${sql.ref("sequence")}`.execute(db);
  }
  await db.schema.alterTable("tickets").dropColumn("reopen_count").execute();
}
