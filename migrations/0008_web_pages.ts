/**
 * The web pages' tables: `message_search`, a full-text index over archived
 * messages (SQLite FTS5, PostgreSQL `tsvector` + GIN, MySQL/MariaDB `FULLTEXT`),
 * filled from the messages already archived; and `share_links`, the signed links
 * staff make, kept so that they can be revoked. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter, PostgresAdapter, sql } from "kysely";

/** Creates `message_search` and `share_links`, and indexes the archived messages. */
export async function up(db: Kysely<any>): Promise<void> {
  // Frozen migrations share no code: each tells the engines apart itself.
  const adapter = db.getExecutor().adapter;
  const dialect = adapter instanceof PostgresAdapter
    ? "postgres"
    : adapter instanceof MysqlAdapter
    ? "mysql"
    : "sqlite";
  if (dialect === "sqlite") {
    await sql`create virtual table message_search using fts5(
      content, message_id unindexed, ticket_id unindexed,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`insert into message_search (content, message_id, ticket_id)
      select coalesce(json_extract(payload, '$.content'), ''), message_id, ticket_id
      from archived_messages where deleted_at is null and json_valid(payload)`.execute(db);
  } else if (dialect === "postgres") {
    await sql`create table message_search (
      message_id varchar(20) primary key,
      ticket_id integer not null references tickets (id) on delete cascade,
      content text not null,
      document tsvector generated always as (to_tsvector('simple', content)) stored
    )`.execute(db);
    await sql`create index message_search_document_idx on message_search using gin (document)`
      .execute(db);
    await sql`insert into message_search (message_id, ticket_id, content)
      select message_id, ticket_id, coalesce(payload::json ->> 'content', '')
      from archived_messages where deleted_at is null`.execute(db);
  } else {
    // A case-insensitive collation, so that words match whatever their case.
    await sql`create table message_search (
      message_id varchar(20) not null primary key,
      ticket_id integer not null,
      content longtext character set utf8mb4 collate utf8mb4_unicode_ci not null,
      fulltext key message_search_content_idx (content),
      constraint message_search_ticket_fk foreign key (ticket_id)
        references tickets (id) on delete cascade
    ) engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`.execute(db);
    await sql`insert into message_search (message_id, ticket_id, content)
      select message_id, ticket_id,
        coalesce(json_unquote(json_extract(payload, '$.content')), '')
      from archived_messages where deleted_at is null and json_valid(payload)`.execute(db);
  }

  const builder = db.schema.createTable("share_links");
  await (dialect === "mysql"
    ? builder.modifyEnd(sql`engine = InnoDB default character set utf8mb4 collate utf8mb4_bin`)
    : builder)
    .addColumn("id", "varchar(32)", (col) => col.primaryKey())
    .addColumn("ticket_id", "integer", (col) => col.notNull())
    .addColumn("created_by", "varchar(20)", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("expires_at", "bigint", (col) => col.notNull())
    .addColumn("revoked_at", "bigint")
    .addColumn("revoked_by", "varchar(20)")
    .addForeignKeyConstraint(
      "share_links_ticket_fk",
      ["ticket_id"],
      "tickets",
      ["id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("share_links_ticket_idx").on("share_links").column("ticket_id")
    .execute();
}

/** Drops `share_links` and `message_search`. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("share_links").execute();
  await db.schema.dropTable("message_search").execute();
}
