/**
 * Who a ticket's rating is credited to: its claimer, else the person who wrote
 * most in it who is neither the opener, a member added to it, nor the bot.
 */
import type { HandlerContext } from "../context.ts";
import type { UserId } from "../ids.ts";
import type { Ticket } from "../model.ts";

/** The staff member credited with `ticket`, or null when no one else wrote in it. */
export async function creditedStaff(
  ticket: Ticket,
  ctx: Pick<HandlerContext, "archive" | "tickets" | "discord">,
): Promise<UserId | null> {
  if (ticket.claimedBy !== null) return ticket.claimedBy;
  const members = new Set<string>((await ctx.tickets.members(ticket.id)).map((m) => m.userId));
  const bot = (await ctx.discord.botUser()).id;
  const authors = await ctx.archive.authorCounts(ticket.id);
  const staff = authors.find((a) =>
    a.authorId !== ticket.openerId && a.authorId !== bot && !members.has(a.authorId)
  );
  return staff?.authorId ?? null;
}
