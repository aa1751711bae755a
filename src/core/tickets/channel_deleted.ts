/**
 * A ticket channel deleted by a person (gateway `CHANNEL_DELETE`) closes its
 * ticket at once, with reason "channel deleted" and the transcript from the live
 * archive, so the member can open a new one right away. The close takes the
 * ticket's close lock, so two processes that both hear of it never close twice.
 */
import type { HandlerContext } from "../context.ts";
import { type ChannelId, isSnowflake, type UserId } from "../ids.ts";
import { closeGoneChannel } from "../reconcile_tickets.ts";

/** Closes the ticket of the deleted channel `raw` names; false when it held none. */
export async function closeDeletedChannel(
  raw: Record<string, unknown>,
  ctx: HandlerContext,
  options: { botUserId: UserId },
): Promise<boolean> {
  if (!isSnowflake(raw.id) || !isSnowflake(raw.guild_id)) return false;
  const ticket = await ctx.tickets.byChannel(raw.id as ChannelId);
  if (ticket === null || ticket.status === "closed" || ticket.guildId !== raw.guild_id) {
    return false;
  }
  await closeGoneChannel(ctx, ticket, options.botUserId);
  return true;
}
