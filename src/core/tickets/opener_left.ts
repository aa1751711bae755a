/**
 * A ticket whose opener left the server closes with reason "opener left" when
 * its type says so (`closeWhenOpenerLeaves`, on by default). The gateway's
 * `GUILD_MEMBER_REMOVE` says so at once when the Server Members intent is on;
 * otherwise a periodic pass looks each open ticket's opener up now and again
 * (a 404 Unknown Member: they left). Each lookup is taken by compare-and-set, so
 * processes sharing the database never look up one ticket twice.
 */
import type { HandlerContext } from "../context.ts";
import { type GuildId, isSnowflake, type UserId } from "../ids.ts";
import type { Ticket, TicketType, TicketTypeId } from "../model.ts";
import { closeByBot, OPENER_LEFT_REASON } from "./bot_close.ts";

/** Closes the open tickets `userId` opened in `guildId` whose type closes them; gives how many. */
export async function closeForLeaver(
  guildId: GuildId,
  userId: UserId,
  ctx: HandlerContext,
): Promise<number> {
  let closed = 0;
  for (const ticket of await ctx.tickets.heldBy(guildId, userId)) {
    if (ticket.status !== "open") continue;
    const type = await ctx.types.get(ticket.typeId);
    if (type?.closeWhenOpenerLeaves !== true) continue;
    if (await closeByBot(ticket, ctx, OPENER_LEFT_REASON)) closed++;
  }
  return closed;
}

/** Handles a gateway `GUILD_MEMBER_REMOVE` payload; gives how many tickets it closed. */
export async function memberRemoved(
  raw: Record<string, unknown>,
  ctx: HandlerContext,
): Promise<number> {
  const user = raw.user as Record<string, unknown> | undefined;
  if (!isSnowflake(raw.guild_id) || !isSnowflake(user?.id)) return 0;
  return await closeForLeaver(raw.guild_id as GuildId, user.id as UserId, ctx);
}

/** How often and how many openers a pass looks up. */
export interface OpenerCheckOptions {
  /** A ticket's opener is looked up again once this long has passed. */
  everyMs: number;
  /** At most this many lookups per pass. */
  limit: number;
  /** Guilds to leave alone (the bot left them). */
  skipGuild?: (guildId: GuildId) => Promise<boolean>;
}

/** Looks up the openers of open tickets not checked for `everyMs`; gives how many tickets closed. */
export async function checkOpeners(
  ctx: HandlerContext,
  options: OpenerCheckOptions,
): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.timers.openerChecksDue(
    new Date(now.getTime() - options.everyMs),
    options.limit,
  );
  const types = new Map<TicketTypeId, TicketType | null>();
  const typeOf = async (ticket: Ticket) => {
    if (!types.has(ticket.typeId)) types.set(ticket.typeId, await ctx.types.get(ticket.typeId));
    return types.get(ticket.typeId) ?? null;
  };
  let closed = 0;
  for (const { ticket, checkedAt } of due) {
    if (!(await ctx.timers.takeOpenerCheck(ticket.id, checkedAt, now))) continue;
    if ((await typeOf(ticket))?.closeWhenOpenerLeaves !== true) continue;
    if (await options.skipGuild?.(ticket.guildId)) continue;
    try {
      if (await ctx.discord.member(ticket.guildId, ticket.openerId) !== null) continue;
    } catch (error) {
      ctx.log.warn("Could not look up the opener of ticket {number} in guild {guildId}: {error}", {
        number: ticket.number,
        guildId: ticket.guildId,
        error,
      });
      continue;
    }
    if (await closeByBot(ticket, ctx, OPENER_LEFT_REASON)) closed++;
  }
  return closed;
}
