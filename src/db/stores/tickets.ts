/** The `TicketStore`: tickets, their claims, the close's steps and their members. */
import type { Kysely, Transaction } from "kysely";
import type { ChannelId } from "../../core/ids.ts";
import type { Ticket, TicketId } from "../../core/model.ts";
import type { TicketStore } from "../../core/ports.ts";
import { toNumber, toTicket, toTicketMember } from "../row_mapping.ts";
import type { Database } from "../schema.ts";
import { insertOnce } from "./inserts.ts";
import { HELD, openTicket } from "./open_ticket.ts";
import { ticketQueue } from "./ticket_queue.ts";
import type { StoreScope } from "./scope.ts";
import { openTicketRow, openTicketRows } from "../encryption/sealed_rows.ts";
import { compiledOnce } from "./compiled_once.ts";

/** The ticket with `id`, read on `db` or a transaction of `scope`. */
export async function ticketIn(
  db: Kysely<Database> | Transaction<Database>,
  id: TicketId,
  options: { scope: StoreScope },
): Promise<Ticket | null> {
  const row = await db.selectFrom("tickets").selectAll().where("id", "=", id)
    .executeTakeFirst();
  return row ? toTicket(await openTicketRow(options.scope, row)) : null;
}

/** A `TicketStore` whose queries run on `scope`. */
export function ticketStore(scope: StoreScope): TicketStore {
  const { db } = scope;
  // Every gateway message in a channel that may hold a ticket runs it.
  const ofChannel = compiledOnce(
    scope,
    (channelId: ChannelId) =>
      db.selectFrom("tickets").selectAll().where("channel_id", "=", channelId),
  );
  return {
    open: (request) => openTicket(scope, request),

    async discard(id) {
      await db.deleteFrom("tickets").where("id", "=", id).execute();
    },

    async setChannel(id, channelId) {
      await db.updateTable("tickets").set({ channel_id: channelId }).where("id", "=", id)
        .execute();
      const ticket = await ticketIn(db, id, { scope });
      if (!ticket) throw new Error(`Cannot set the channel of ticket ${id}: it does not exist`);
      return ticket;
    },

    get: (id) => ticketIn(db, id, { scope }),

    async byChannel(channelId) {
      const [row] = (await ofChannel(channelId)).rows;
      return row ? toTicket(await openTicketRow(scope, row)) : null;
    },

    async byNumber(guildId, number) {
      const row = await db.selectFrom("tickets").selectAll().where("guild_id", "=", guildId)
        .where("number", "=", number).executeTakeFirst();
      return row ? toTicket(await openTicketRow(scope, row)) : null;
    },

    async heldBy(guildId, openerId) {
      const rows = await db.selectFrom("tickets").selectAll().where("guild_id", "=", guildId)
        .where("opener_id", "=", openerId).where("status", "in", HELD).orderBy("number")
        .execute();
      return (await openTicketRows(scope, rows)).map(toTicket);
    },

    async withStatus(statuses) {
      if (statuses.length === 0) return [];
      const rows = await db.selectFrom("tickets").selectAll().where("status", "in", statuses)
        .orderBy("id").execute();
      return (await openTicketRows(scope, rows)).map(toTicket);
    },

    async countOpen() {
      const row = await db.selectFrom("tickets").select((eb) => eb.fn.countAll().as("count"))
        .where("status", "in", HELD).executeTakeFirstOrThrow();
      return toNumber(row.count as number | string | bigint);
    },

    queue: (guildId, query) => ticketQueue(scope, guildId, query),

    async claim(id, claimer, expected) {
      const result = await db.updateTable("tickets").set({ claimed_by: claimer })
        .where("id", "=", id)
        .where("claimed_by", expected === null ? "is" : "=", expected)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async changeType(id, change) {
      const result = await db.updateTable("tickets")
        .set({ type_id: change.to, claimed_by: change.claimTo })
        .where("id", "=", id).where("type_id", "=", change.from).where("status", "=", "open")
        .where("claimed_by", change.claimedBy === null ? "is" : "=", change.claimedBy)
        .where((eb) =>
          eb.exists(
            eb.selectFrom("ticket_types").select("ticket_types.id")
              .where("ticket_types.id", "=", change.to)
              .where("ticket_types.deleted_at", "is", null)
              .whereRef("ticket_types.guild_id", "=", "tickets.guild_id"),
          )
        )
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async setAssistantPaused(id, paused) {
      await db.updateTable("tickets").set({ assistant_paused: paused ? 1 : 0 })
        .where("id", "=", id).execute();
    },

    async setPriority(id, priority) {
      await db.updateTable("tickets").set({ priority }).where("id", "=", id).execute();
    },

    async setWaitingFor(id, waitingFor) {
      await db.updateTable("tickets").set({ waiting_for: waitingFor }).where("id", "=", id)
        .where((eb) => eb.or([eb("waiting_for", "is", null), eb("waiting_for", "!=", waitingFor)]))
        .execute();
    },

    async takeRelayNoticeSlot(id, at, notBefore) {
      const result = await db.updateTable("tickets").set({ relay_notice_at: at.getTime() })
        .where("id", "=", id)
        .where((eb) =>
          eb.or([
            eb("relay_notice_at", "is", null),
            eb("relay_notice_at", "<", notBefore.getTime()),
          ])
        )
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async beginClose(id, by, reason) {
      const result = await db.updateTable("tickets")
        .set({ status: "closing", closed_by: by, close_reason: reason, close_step: "requested" })
        .where("id", "=", id).where("status", "=", "open").executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async recordCloseStep(id, step) {
      await db.updateTable("tickets").set({ close_step: step }).where("id", "=", id).execute();
    },

    async finishClose(id, at) {
      await db.updateTable("tickets").set({ status: "closed", closed_at: at.getTime() })
        .where("id", "=", id).execute();
    },

    async reopen(id, channelId) {
      const result = await db.updateTable("tickets")
        .set((eb) => ({
          status: "open",
          channel_id: channelId,
          claimed_by: null,
          closed_at: null,
          closed_by: null,
          close_reason: null,
          close_step: null,
          reopen_count: eb("reopen_count", "+", 1),
        }))
        .where("id", "=", id).where("status", "=", "closed").where("expired_at", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? await ticketIn(db, id, { scope }) : null;
    },

    addMember: (member) =>
      insertOnce(
        db.insertInto("ticket_members").values({
          ticket_id: member.ticketId,
          user_id: member.userId,
          added_by: member.addedBy,
          added_at: member.addedAt.getTime(),
        }),
      ),

    async removeMember(ticketId, userId) {
      const result = await db.deleteFrom("ticket_members").where("ticket_id", "=", ticketId)
        .where("user_id", "=", userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async members(ticketId) {
      const rows = await db.selectFrom("ticket_members").selectAll()
        .where("ticket_id", "=", ticketId).orderBy("added_at").orderBy("user_id").execute();
      return rows.map(toTicketMember);
    },
  };
}
