/**
 * After a crash between creating a ticket's place and recording it, the next try
 * finds what was made: the first is kept for the ticket, any other is deleted.
 */
import type { HandlerContext } from "../context.ts";
import type { Channel } from "../discord_port.ts";
import type { Ticket } from "../model.ts";

/** Keeps the first of `found` for `ticket` (deleting the rest); null when none was made. */
export async function keepFirstPlace(
  ctx: Pick<HandlerContext, "discord" | "log">,
  ticket: Ticket,
  found: readonly Channel[],
  what: "channel" | "thread",
): Promise<Channel | null> {
  const [kept, ...others] = found;
  for (const other of others) {
    await ctx.discord.deleteChannel(other.id, `A second ${what} made for ticket #${ticket.number}`);
  }
  if (kept !== undefined) {
    ctx.log.info("Adopted {what} {channelId} made for ticket #{number} in guild {guildId}", {
      what,
      channelId: kept.id,
      number: ticket.number,
      guildId: ticket.guildId,
    });
  }
  return kept ?? null;
}
