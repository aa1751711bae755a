/**
 * The `NoteStore`: staff notes in `ticket_notes` (payloads sealed like archived
 * messages) and the staff thread of a ticket in `tickets.notes_thread_id`.
 */
import type { StaffNote, TicketId } from "../../core/model.ts";
import type { ChannelId, UserId } from "../../core/ids.ts";
import type { NoteStore } from "../../core/ports.ts";
import { toDate, toNumber, toTicket } from "../row_mapping.ts";
import { insertOnce } from "./inserts.ts";
import { cipherOf, type StoreScope } from "./scope.ts";
import { openTicketRow } from "../encryption/sealed_rows.ts";
import { snowflakeOrder } from "./snowflake_order.ts";

/** A `NoteStore` whose queries run on `scope`. */
export function noteStore(scope: StoreScope): NoteStore {
  const { db } = scope;
  const cipher = () => cipherOf(scope);
  return {
    async add(note) {
      await insertOnce(
        db.insertInto("ticket_notes").values({
          ticket_id: note.ticketId,
          note_id: note.noteId,
          author_id: note.authorId,
          payload: await cipher().sealText(note.payload),
          created_at: note.createdAt.getTime(),
        }),
      );
    },

    async list(ticketId) {
      const rows = await db.selectFrom("ticket_notes").selectAll()
        .where("ticket_id", "=", ticketId)
        .orderBy("created_at").orderBy(snowflakeOrder("note_id")).orderBy("note_id")
        .execute();
      return await Promise.all(rows.map(async (row): Promise<StaffNote> => ({
        ticketId: toNumber(row.ticket_id) as TicketId,
        noteId: row.note_id,
        authorId: row.author_id as UserId,
        payload: await cipher().openText(row.payload),
        createdAt: toDate(row.created_at),
      })));
    },

    async setThread(ticketId, threadId) {
      const result = await db.updateTable("tickets").set({ notes_thread_id: threadId })
        .where("id", "=", ticketId).where("notes_thread_id", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async ticketOfThread(threadId: ChannelId) {
      const row = await db.selectFrom("tickets").selectAll()
        .where("notes_thread_id", "=", threadId).executeTakeFirst();
      return row ? toTicket(await openTicketRow(scope, row)) : null;
    },
  };
}
