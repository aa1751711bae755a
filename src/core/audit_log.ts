/**
 * One place for "this happened": the audit table, and a one-line entry in the
 * guild's log channel when one is set (coalesced with others in a burst when the
 * context has a `LogPoster`). The log channel is best effort: a missing
 * or failing channel never blocks the action that is being recorded.
 */
import type { HandlerContext } from "./context.ts";
import type { NewAuditEvent } from "./model.ts";

/** Writes `event` to the audit table and posts `line` to the guild's log channel. */
export async function recordAction(
  ctx: HandlerContext,
  event: NewAuditEvent,
  line: string,
): Promise<void> {
  try {
    await ctx.audit.record(event);
  } catch (error) {
    ctx.log.error("Could not write audit event {action} in guild {guildId}", {
      action: event.action,
      guildId: event.guildId,
      error,
    });
  }
  await announceAction(ctx, event, line);
}

/**
 * Posts `line` about `event` to the guild's log channel, for an event already
 * audited (in the transaction of the action itself).
 */
export async function announceAction(
  ctx: HandlerContext,
  event: NewAuditEvent,
  line: string,
): Promise<void> {
  try {
    const settings = await ctx.settings.guild(event.guildId);
    if (settings.logChannelId === null) return;
    if (ctx.logPosts !== undefined) {
      await ctx.logPosts.post(settings.logChannelId, line);
      return;
    }
    await ctx.discord.sendMessage(settings.logChannelId, {
      content: line.slice(0, 2000),
      allowed_mentions: { parse: [] },
    });
  } catch (error) {
    ctx.log.warn("Could not post {action} to the log channel of guild {guildId}", {
      action: event.action,
      guildId: event.guildId,
      error,
    });
  }
}
