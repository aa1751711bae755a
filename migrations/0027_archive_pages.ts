/**
 * A ticket's archived message ids, for reading its archive page by page in id
 * order: every page found its ids in the ticket's whole rows, payloads and all,
 * read again for each page (a close of 10,000 messages read 200,000 rows); from
 * this index the ids are read alone. Frozen: imports nothing from `src/`.
 */
// deno-lint-ignore-file no-explicit-any
import { type Kysely, MysqlAdapter } from "kysely";

const NAME = "archived_messages_ticket_message_idx";

/** Creates the index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex(NAME).on("archived_messages").columns(["ticket_id", "message_id"])
    .execute();
}

/** Drops the index. */
export async function down(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const drop = db.schema.dropIndex(NAME);
  await (mysql ? drop.on("archived_messages") : drop).execute();
}
