/** The `ArchiveStore`: every message of a ticket, kept as it arrives, edits and deletions too. */
import { sql } from "kysely";
import type { MessageId, UserId } from "../../core/ids.ts";
import type { TicketId } from "../../core/model.ts";
import type { ArchiveStore } from "../../core/ports.ts";
import { toArchivedMessage, toNumber } from "../row_mapping.ts";
import { gatewaySessions } from "./gateway_sessions.ts";
import { ignoringDuplicates } from "./inserts.ts";
import { indexedContent, indexRowInsert, reindexEdited, unindexMessage } from "./message_index.ts";
import { compiledOnce } from "./compiled_once.ts";
import type { StoreScope } from "./scope.ts";
import { openArchivedRows, sealText } from "../encryption/sealed_rows.ts";
import { snowflakeOrder } from "./snowflake_order.ts";

/** An `ArchiveStore` whose queries run on `scope`. */
export function archiveStore(scope: StoreScope): ArchiveStore {
  const { db } = scope;
  // Every gateway message in a ticket runs both, compiled once.
  const insertArchived = compiledOnce(
    scope,
    (messageId: MessageId, ticketId: TicketId, authorId: UserId, payload: string, at: number) =>
      // Skipping a duplicate rather than failing on it: a failed statement would end
      // the PostgreSQL transaction a page of history is archived in.
      ignoringDuplicates(
        scope,
        db.insertInto("archived_messages").values({
          message_id: messageId,
          ticket_id: ticketId,
          author_id: authorId,
          payload,
          created_at: at,
          edited_at: null,
          deleted_at: null,
        }),
      ),
  );
  const insertIndexRow = compiledOnce(
    scope,
    (messageId: MessageId, ticketId: TicketId, content: string) =>
      indexRowInsert(scope, messageId, ticketId, content),
  );
  return {
    async add(message) {
      // The gateway may deliver a message twice: the first record stays.
      const payload = await sealText(scope, message.payload);
      const at = message.createdAt.getTime();
      const inserted = await insertArchived(
        message.messageId,
        message.ticketId,
        message.authorId,
        payload,
        at,
      );
      const added = (inserted.numAffectedRows ?? 0n) > 0n;
      // Its archive row was just inserted, so it has no index row yet to replace.
      if (added) {
        await insertIndexRow(
          message.messageId,
          message.ticketId,
          await indexedContent(scope, message.payload),
        );
      }
    },

    async markEdited(messageId, payload, at) {
      await db.updateTable("archived_messages")
        .set({ payload: await sealText(scope, payload), edited_at: at.getTime() })
        .where("message_id", "=", messageId).execute();
      await reindexEdited(scope, messageId, payload);
    },

    async markDeleted(messageId, at) {
      await db.updateTable("archived_messages").set({ deleted_at: at.getTime() })
        .where("message_id", "=", messageId).execute();
      await unindexMessage(scope, messageId);
    },

    async refresh(messageId, payload) {
      await db.updateTable("archived_messages").set({ payload })
        .where("message_id", "=", messageId).execute();
    },

    async page(ticketId, after, limit) {
      // The page's ids first, then their rows: sorted whole (payloads and all), the
      // rest of the ticket's rows were copied into the sort for every page.
      let query = db.selectFrom("archived_messages").select("message_id")
        .where("ticket_id", "=", ticketId);
      if (after !== null) {
        // Snowflakes as text: a longer one is larger; of equal length, the larger string.
        query = query.where((eb) =>
          eb.or([
            eb(snowflakeOrder("message_id"), ">", after.length),
            eb.and([
              eb(snowflakeOrder("message_id"), "=", after.length),
              eb("message_id", ">", after),
            ]),
          ])
        );
      }
      const ids = (await query.orderBy(snowflakeOrder("message_id")).orderBy("message_id")
        .limit(limit).execute()).map((row) => row.message_id);
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("archived_messages").selectAll()
        .where("message_id", "in", ids).execute();
      const byId = new Map(rows.map((row) => [row.message_id, row]));
      // A row erased between the two reads is left out.
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row === undefined ? [] : [toArchivedMessage(row)];
      });
    },

    async count(ticketId, until) {
      let query = db.selectFrom("archived_messages")
        .select(sql<number | string>`count(*)`.as("n"))
        .where("ticket_id", "=", ticketId);
      if (until !== undefined) query = query.where("created_at", "<=", until.getTime());
      const row = await query.executeTakeFirst();
      return row === undefined ? 0 : toNumber(row.n);
    },

    async authorCounts(ticketId) {
      const rows = await db.selectFrom("archived_messages")
        .select(["author_id", sql<number | string>`count(*)`.as("n")])
        .where("ticket_id", "=", ticketId).where("deleted_at", "is", null)
        .groupBy("author_id").execute();
      return rows.map((row) => ({ authorId: row.author_id as UserId, count: toNumber(row.n) }))
        .sort((a, b) => b.count - a.count || (a.authorId < b.authorId ? -1 : 1));
    },

    ...gatewaySessions(scope),

    async messages(ticketId) {
      const rows = await db.selectFrom("archived_messages").selectAll()
        .where("ticket_id", "=", ticketId)
        .orderBy("created_at").orderBy(snowflakeOrder("message_id")).orderBy("message_id")
        .execute();
      return (await openArchivedRows(scope, rows)).map(toArchivedMessage);
    },
  };
}
