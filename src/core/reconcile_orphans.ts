/**
 * Ticket channels without a ticket row: a channel in a ticket category that a
 * member can see, older than the grace period, is reported once (log warning,
 * audit event, log channel) and never deleted: only a person can tell whether
 * it still holds a conversation someone needs.
 */
import type { HandlerContext } from "./context.ts";
import { type ChannelId, snowflakeTime, type UserId } from "./ids.ts";
import { recordAction } from "./audit_log.ts";
import type { Channel } from "./discord_port.ts";
import type { TicketType } from "./model.ts";
import type { ReconcileSummary } from "./reconcile_summary.ts";

/** Reports the orphan channels of `type`'s categories. */
export async function findOrphanChannels(
  ctx: HandlerContext,
  type: TicketType,
  botUserId: UserId,
  graceMs: number,
  summary: ReconcileSummary,
): Promise<void> {
  const guildId = type.guildId;
  if (type.categoryId === null) return;
  const channels = await ctx.discord.guildChannels(guildId);
  const categories = ticketCategories(channels, type.categoryId);
  if (categories.size === 0) return;

  const now = ctx.clock.now().getTime();
  for (const channel of channels) {
    if (channel.kind !== "text" || channel.parentId === null) continue;
    if (!categories.has(channel.parentId)) continue;
    const participant = channel.overwrites.find((overwrite) =>
      overwrite.type === "member" && overwrite.id !== botUserId
    );
    if (participant === undefined) continue;
    if (now - snowflakeTime(channel.id).getTime() < graceMs) continue;
    if (await ctx.tickets.byChannel(channel.id) !== null) continue;

    summary.orphanChannels.push(channel.id);
    const key = `reconcile.orphan.${channel.id}`;
    if (await ctx.settings.meta(key) !== null) {
      ctx.log.debug("Channel #{name} ({channelId}) in guild {guildId} is still an orphan", {
        name: channel.name,
        channelId: channel.id,
        guildId,
      });
      continue;
    }
    ctx.log.warn(
      "Channel #{name} ({channelId}) in guild {guildId} looks like a ticket channel but has no ticket row; it is left as is for staff to review",
      { name: channel.name, channelId: channel.id, guildId },
    );
    await recordAction(
      ctx,
      {
        guildId,
        ticketId: null,
        actorId: botUserId,
        action: "channel.orphan",
        detail: { channelId: channel.id, name: channel.name, memberId: participant.id },
      },
      `Channel <#${channel.id}> looks like a ticket channel, but no ticket is recorded for it (the bot may have stopped while opening it). It was left as is: read it, then delete it by hand if nobody needs it.`,
    );
    await ctx.settings.setMeta(key, ctx.clock.now().toISOString());
  }
}

/**
 * The ticket category and its overflow categories (`<name> 2`, `<name> 3`, ... and
 * the default `Tickets N`), by id.
 */
export function ticketCategories(channels: readonly Channel[], categoryId: ChannelId): Set<string> {
  const result = new Set<string>();
  const main = channels.find((channel) => channel.id === categoryId && channel.kind === "category");
  if (main === undefined) return result;
  result.add(main.id);
  const base = main.name.toLowerCase();
  for (const channel of channels) {
    if (channel.kind !== "category") continue;
    const match = /^(.*) ([0-9]+)$/.exec(channel.name.toLowerCase());
    if (match === null) continue;
    const [, prefix] = match;
    if (prefix === base || prefix === "tickets") result.add(channel.id);
  }
  return result;
}
