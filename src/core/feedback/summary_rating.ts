/**
 * The close summary in the log channel, edited once the opener rated the ticket:
 * the same facts, rebuilt from the stored ticket, with the rating and comment.
 */
import type { HandlerContext } from "../context.ts";
import type { TicketId } from "../model.ts";
import { guildLanguage } from "../language.ts";
import { summaryEmbed } from "../transcript/summary_embed.ts";

/** Edits `ticketId`'s summary to show its rating; a failure is logged, not thrown. */
export async function showRatingOnSummary(ticketId: TicketId, ctx: HandlerContext): Promise<void> {
  try {
    const feedback = await ctx.feedback.get(ticketId);
    const ticket = await ctx.tickets.get(ticketId);
    if (feedback?.summary == null || feedback.rating === null || ticket === null) return;
    const type = await ctx.types.get(ticket.typeId);
    const transcript = await ctx.transcripts.get(ticket.id);
    const locale = guildLanguage(await ctx.settings.guild(ticket.guildId));
    const embed = summaryEmbed({
      number: ticket.number,
      typeName: type?.name ?? "",
      openerId: ticket.openerId,
      claimerId: ticket.claimedBy,
      closerId: ticket.closedBy ?? ticket.openerId,
      reason: ticket.closeReason,
      openedAt: ticket.createdAt,
      closedAt: ticket.closedAt ?? feedback.askedAt ?? ctx.clock.now(),
      messageCount: transcript?.messageCount ?? 0,
      notes: [],
      feedback: { rating: feedback.rating, comment: feedback.comment },
    }, { locale });
    await ctx.discord.editMessage(feedback.summary.channelId, feedback.summary.messageId, {
      embeds: [embed],
      allowed_mentions: { parse: [] },
    });
  } catch (error) {
    ctx.log.warn("Could not show the rating of ticket {ticketId} on its summary: {error}", {
      ticketId,
      error,
    });
  }
}
