/**
 * A guild's data (or one member's part of it) as JSON: types, tickets,
 * messages, ratings (with their comments) and audit events, written piece by piece
 * as rows are read in batches, so a large guild never sits in memory whole.
 */
import type { GuildId, UserId } from "../../core/ids.ts";
import {
  toArchivedMessage,
  toAuditEvent,
  toNullableDate,
  toNumber,
  toTicket,
  toTicketType,
} from "../row_mapping.ts";
import { openArchivedRows, openTicketRows } from "../encryption/sealed_rows.ts";
import { cipherOf, type StoreScope } from "./scope.ts";
import { noteStore } from "./notes.ts";
import type { TicketId } from "../../core/model.ts";
import { ownPayload, ownTicket } from "../../core/privacy/own_words.ts";

const BATCH = 200;

/**
 * Writes `guildId`'s data as one JSON document through `write`; `userId` narrows
 * it to a member, and `ownOnly` (with `userId`) leaves out every word of others
 * (quotes, a close reason by staff) and who else was in their tickets.
 */
export async function exportGuild(
  scope: StoreScope,
  guildId: GuildId,
  options: { userId?: UserId; ownOnly?: boolean; write: (chunk: string) => Promise<void> },
): Promise<{ tickets: number; messages: number }> {
  const { db } = scope;
  const { write, userId } = options;
  const own = userId !== undefined && options.ownOnly === true;
  const json = (value: unknown) => JSON.stringify(value);
  const cipher = cipherOf(scope);
  await write(`{"guild_id":${json(guildId)},"user_id":${json(userId ?? null)}`);
  if (userId === undefined) {
    const types = await db.selectFrom("ticket_types").selectAll().where("guild_id", "=", guildId)
      .orderBy("id").execute();
    await write(`,"ticket_types":${json(types.map(toTicketType))}`);
  }
  await write(`,"tickets":[`);
  let tickets = 0;
  let messages = 0;
  let after = 0;
  for (;;) {
    let query = db.selectFrom("tickets").selectAll().where("guild_id", "=", guildId)
      .where("id", ">", after);
    if (userId !== undefined) query = query.where("opener_id", "=", userId);
    const rows = await query.orderBy("id").limit(BATCH).execute();
    if (rows.length === 0) break;
    for (const ticket of (await openTicketRows(scope, rows)).map(toTicket)) {
      if (own) {
        await write(`${tickets++ === 0 ? "" : ","}${json(ownTicket(ticket, userId))}`);
        continue;
      }
      const members = await db.selectFrom("ticket_members").select(["user_id", "added_at"])
        .where("ticket_id", "=", ticket.id).orderBy("user_id").execute();
      await write(`${tickets++ === 0 ? "" : ","}${json({ ...ticket, members })}`);
    }
    after = rows[rows.length - 1]!.id;
  }
  await write(`],"messages":[`);
  let afterMessage = "";
  for (;;) {
    let query = db.selectFrom("archived_messages").selectAll("archived_messages")
      .innerJoin("tickets", "tickets.id", "archived_messages.ticket_id")
      .where("tickets.guild_id", "=", guildId)
      .where("archived_messages.message_id", ">", afterMessage);
    if (userId !== undefined) query = query.where("archived_messages.author_id", "=", userId);
    const rows = await query.orderBy("archived_messages.message_id").limit(BATCH).execute();
    if (rows.length === 0) break;
    for (const message of (await openArchivedRows(scope, rows)).map(toArchivedMessage)) {
      let payload: unknown;
      try {
        payload = JSON.parse(message.payload);
      } catch {
        payload = message.payload;
      }
      if (own) payload = ownPayload(payload, userId);
      await write(`${messages++ === 0 ? "" : ","}${json({ ...message, payload })}`);
    }
    afterMessage = rows[rows.length - 1]!.message_id;
  }
  await write(`],"ratings":[`);
  let afterRating = 0;
  let firstRating = true;
  for (;;) {
    let query = db.selectFrom("ticket_feedback")
      .innerJoin("tickets", "tickets.id", "ticket_feedback.ticket_id")
      .select([
        "ticket_feedback.ticket_id",
        "ticket_feedback.staff_id",
        "ticket_feedback.rating",
        "ticket_feedback.comment",
        "ticket_feedback.rated_at",
      ])
      .where("tickets.guild_id", "=", guildId).where("ticket_feedback.rating", "is not", null)
      .where("ticket_feedback.ticket_id", ">", afterRating);
    if (userId !== undefined) query = query.where("tickets.opener_id", "=", userId);
    const rows = await query.orderBy("ticket_feedback.ticket_id").limit(BATCH).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const rating = {
        ticketId: toNumber(row.ticket_id),
        rating: row.rating === null ? null : toNumber(row.rating),
        comment: row.comment === null ? null : await cipher.openText(row.comment),
        ratedAt: toNullableDate(row.rated_at),
        // Who handled the ticket is someone else: a member's own copy leaves them out.
        ...(own ? {} : { staffId: row.staff_id }),
      };
      await write(`${firstRating ? "" : ","}${json(rating)}`);
      firstRating = false;
    }
    afterRating = toNumber(rows[rows.length - 1]!.ticket_id);
  }
  await write("]");
  if (userId === undefined) {
    // Staff notes belong to the guild's export, never to a member's own.
    await write(`,"staff_notes":[`);
    let firstNote = true;
    let afterTicket = 0;
    for (;;) {
      const ids = await db.selectFrom("tickets").select("id").where("guild_id", "=", guildId)
        .where("id", ">", afterTicket).orderBy("id").limit(BATCH).execute();
      if (ids.length === 0) break;
      for (const { id } of ids) {
        for (const note of await noteStore(scope).list(id as TicketId)) {
          let payload: unknown;
          try {
            payload = JSON.parse(note.payload);
          } catch {
            payload = note.payload;
          }
          await write(`${firstNote ? "" : ","}${json({ ...note, payload })}`);
          firstNote = false;
        }
      }
      afterTicket = ids[ids.length - 1]!.id;
    }
    await write("]");
    await write(`,"audit_events":[`);
    let first = true;
    let afterAudit = 0;
    for (;;) {
      const rows = await db.selectFrom("audit_events").selectAll().where("guild_id", "=", guildId)
        .where("id", ">", afterAudit).orderBy("id").limit(BATCH).execute();
      if (rows.length === 0) break;
      for (const event of rows.map(toAuditEvent)) {
        await write(`${first ? "" : ","}${json(event)}`);
        first = false;
      }
      afterAudit = rows[rows.length - 1]!.id;
    }
    await write("]");
  }
  await write("}\n");
  return { tickets, messages };
}
