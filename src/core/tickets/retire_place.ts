/**
 * The last step of a close: the ticket's channel is deleted; a thread ticket's
 * thread is archived and locked (kept readable for moderators, closed to new
 * messages), or deleted when its type says `thread_close: delete`. A place that is
 * already gone is fine.
 */
import type { HandlerContext } from "../context.ts";
import type { ChannelId } from "../ids.ts";
import type { ThreadClose, TicketMode } from "../model.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import { livesInThread } from "./ticket_place.ts";

/** Deletes, or archives and locks, the place of a closed ticket. */
export async function retireTicketPlace(
  ctx: Pick<HandlerContext, "discord">,
  channelId: ChannelId,
  options: { threadClose: ThreadClose; reason: string; mode: TicketMode | null },
): Promise<void> {
  try {
    // Only a thread-mode type's tickets (or a deleted type's) may live in a thread:
    // a channel ticket is deleted without asking Discord what it is first.
    const maybeThread = options.mode !== "channel" && options.threadClose === "archive";
    if (maybeThread && await livesInThread(ctx.discord, channelId)) {
      await ctx.discord.archiveThread(channelId, { locked: true, reason: options.reason });
      return;
    }
    await ctx.discord.deleteChannel(channelId, options.reason);
  } catch (error) {
    if (!isDiscordFailure(error, "unknown_channel")) throw error;
  }
}
