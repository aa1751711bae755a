/**
 * A ticket channel's overwrites as they should be now: computed from its type,
 * opener, added members, claimer and the bot's guild-wide permissions (never
 * from the staff roles alone), and written in one channel edit. Claim, unclaim,
 * transfer and staff changes go through here; a move adds its name and category
 * to the same edit.
 */
import type { HandlerContext } from "../context.ts";
import type { GuildId, UserId } from "../ids.ts";
import type { Ticket, TicketType } from "../model.ts";
import type { Overwrite } from "../discord_port.ts";
import { DiscordRequestError } from "../discord_failure.ts";
import { failureRefusal } from "../failure_text.ts";
import { type Refusal, refuse } from "../refusal.ts";
import { ticketChannelOverwrites } from "./overwrites.ts";
import { botGuildPermissions } from "./bot_permissions.ts";
import { fromDiscordLocale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";
import { livesInThread } from "./ticket_place.ts";

/** The bot's id and its guild-wide permissions (what it may put in an overwrite). */
export interface BotFacts {
  botId: UserId;
  botPermissions: bigint;
}

/** The bot's id and guild-wide permissions in `guildId`. */
export async function botFacts(
  discord: HandlerContext["discord"],
  guildId: GuildId,
): Promise<BotFacts> {
  const bot = await discord.botUser();
  return { botId: bot.id, botPermissions: await botGuildPermissions(discord, guildId, bot.id) };
}

/** The whole overwrite list of `ticket` with `type` and `claimerId` (members read from the store). */
export async function ticketAccessList(
  ctx: Pick<HandlerContext, "tickets">,
  ticket: Ticket,
  options: { type: TicketType; claimerId: UserId | null; bot: BotFacts },
): Promise<Overwrite[]> {
  const members = await ctx.tickets.members(ticket.id);
  return ticketChannelOverwrites({
    guildId: ticket.guildId,
    staffRoleIds: options.type.staffRoleIds,
    claimMode: options.type.claimMode,
    openerId: ticket.openerId,
    memberIds: members.map((m) => m.userId),
    claimerId: options.claimerId,
    botId: options.bot.botId,
    botPermissions: options.bot.botPermissions,
  });
}

/** True when a claim by `claimerId` instead of `before` changes who may see or write. */
export function claimChangesAccess(
  type: Pick<TicketType, "claimMode" | "mode">,
  before: UserId | null,
  after: UserId | null,
): boolean {
  if (type.mode !== "channel" || type.claimMode === "open") return false;
  return before !== after;
}

/**
 * Writes the overwrites `ticket` has once its claim went from `from` to `to`
 * (already stored). When Discord refuses, the claim is put back and the refusal
 * in the reader's `locale` is returned; null when all went well.
 */
export async function followClaim(
  ctx: HandlerContext,
  ticket: Ticket,
  change: { type: TicketType; from: UserId | null; to: UserId | null; locale: string },
): Promise<Refusal | null> {
  if (!claimChangesAccess(change.type, change.from, change.to) || ticket.channelId === null) {
    return null;
  }
  try {
    const bot = await botFacts(ctx.discord, ticket.guildId);
    const overwrites = await ticketAccessList(ctx, ticket, {
      type: change.type,
      claimerId: change.to,
      bot,
    });
    await ctx.discord.editChannel(ticket.channelId, { overwrites });
    return null;
  } catch (error) {
    if (!(error instanceof DiscordRequestError)) throw error;
    ctx.log.warn("Could not change the overwrites of ticket {number} in guild {guildId}", {
      number: ticket.number,
      guildId: ticket.guildId,
      error,
    });
    await ctx.tickets.claim(ticket.id, change.from, change.to);
    const locale = fromDiscordLocale(change.locale);
    return failureRefusal(error.failure, { locale }) ??
      refuse("discord_unavailable", t(locale, "work.access_failed"));
  }
}

/**
 * Writes the whole overwrite list of each open ticket of `type` again (after its
 * staff roles changed), so a claimed hidden ticket stays hidden. Channels already
 * gone are skipped; gives how many were written and how many failed otherwise.
 */
export async function refreshTypeTickets(
  ctx: Pick<HandlerContext, "tickets" | "discord" | "log">,
  type: TicketType,
  bot: BotFacts,
): Promise<{ written: number; failed: number }> {
  const tickets = (await ctx.tickets.withStatus(["open"])).filter((t) =>
    t.guildId === type.guildId && t.typeId === type.id && t.channelId !== null
  );
  const result = { written: 0, failed: 0 };
  for (const ticket of tickets) {
    // A thread ticket has no overwrites: its members are its own.
    if (await livesInThread(ctx.discord, ticket.channelId!).catch(() => false)) continue;
    const overwrites = await ticketAccessList(ctx, ticket, {
      type,
      claimerId: ticket.claimedBy,
      bot,
    });
    try {
      await ctx.discord.editChannel(ticket.channelId!, { overwrites });
      result.written += 1;
    } catch (error) {
      if (!(error instanceof DiscordRequestError)) throw error;
      if (error.failure.kind === "unknown_channel") continue;
      ctx.log.warn("Could not update the overwrites of ticket {number} in guild {guildId}", {
        number: ticket.number,
        guildId: ticket.guildId,
        error,
      });
      result.failed += 1;
    }
  }
  return result;
}
