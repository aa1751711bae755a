/**
 * The `FeedbackStore`: one row per closed ticket, written first where the close
 * summary went, then when the opener was asked, then their rating and comment
 * (sealed like other member content when `ENCRYPTION_KEY` is set).
 */
import type { ChannelId, GuildId, MessageId, UserId } from "../../core/ids.ts";
import type { TicketFeedback, TicketId } from "../../core/model.ts";
import type { FeedbackStore } from "../../core/ports.ts";
import { toNullableDate, toNumber } from "../row_mapping.ts";
import type { TicketFeedbackRow } from "../schema.ts";
import { ignoringDuplicates } from "./inserts.ts";
import { cipherOf, type StoreScope } from "./scope.ts";

async function toFeedback(scope: StoreScope, row: TicketFeedbackRow): Promise<TicketFeedback> {
  return {
    ticketId: toNumber(row.ticket_id) as TicketId,
    guildId: row.guild_id as GuildId,
    staffId: row.staff_id as UserId | null,
    rating: row.rating === null ? null : toNumber(row.rating),
    comment: row.comment === null ? null : await cipherOf(scope).openText(row.comment),
    askedAt: toNullableDate(row.asked_at),
    ratedAt: toNullableDate(row.rated_at),
    summary: row.summary_channel_id === null || row.summary_message_id === null ? null : {
      channelId: row.summary_channel_id as ChannelId,
      messageId: row.summary_message_id as MessageId,
    },
  };
}

/** A `FeedbackStore` whose queries run on `scope`. */
export function feedbackStore(scope: StoreScope): FeedbackStore {
  const { db } = scope;
  /** The ticket's row, made empty on first use. */
  const ensure = async (ticketId: TicketId, guildId: GuildId) => {
    await ignoringDuplicates(
      scope,
      db.insertInto("ticket_feedback").values({ ticket_id: ticketId, guild_id: guildId }),
    ).execute();
  };
  return {
    async get(ticketId) {
      const row = await db.selectFrom("ticket_feedback").selectAll()
        .where("ticket_id", "=", ticketId).executeTakeFirst();
      return row ? await toFeedback(scope, row) : null;
    },

    async recordSummary(ticketId, guildId, summary) {
      await ensure(ticketId, guildId);
      await db.updateTable("ticket_feedback").set({
        summary_channel_id: summary.channelId,
        summary_message_id: summary.messageId,
      }).where("ticket_id", "=", ticketId).execute();
    },

    async ask(ticketId, guildId, staffId, at) {
      await ensure(ticketId, guildId);
      const result = await db.updateTable("ticket_feedback")
        .set({ asked_at: at.getTime(), staff_id: staffId })
        .where("ticket_id", "=", ticketId).where("asked_at", "is", null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async rate(ticketId, rating, at) {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        throw new RangeError(`Cannot store a rating of ${rating}: ratings are 1-5`);
      }
      const result = await db.updateTable("ticket_feedback")
        .set({ rating, rated_at: at.getTime() })
        .where("ticket_id", "=", ticketId).where("asked_at", "is not", null)
        .where("rating", "is", null).executeTakeFirst();
      if (result.numUpdatedRows > 0n) return "rated";
      const row = await db.selectFrom("ticket_feedback").select(["asked_at", "rating"])
        .where("ticket_id", "=", ticketId).executeTakeFirst();
      return row?.rating !== null && row?.rating !== undefined ? "already_rated" : "not_asked";
    },

    async comment(ticketId, comment) {
      const sealed = await cipherOf(scope).sealText(comment);
      const result = await db.updateTable("ticket_feedback").set({ comment: sealed })
        .where("ticket_id", "=", ticketId).where("rating", "is not", null)
        .where("comment", "is", null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async rated(guildId, from, to) {
      const rows = await db.selectFrom("ticket_feedback").selectAll()
        .where("guild_id", "=", guildId).where("rating", "is not", null)
        .where("rated_at", ">=", from.getTime()).where("rated_at", "<", to.getTime())
        .orderBy("rated_at").execute();
      return await Promise.all(rows.map((row) => toFeedback(scope, row)));
    },
  };
}
