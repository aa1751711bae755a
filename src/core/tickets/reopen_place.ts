/**
 * Where a reopened ticket lives again. A channel ticket gets a new private
 * channel in its type's category (overflowing as an open does), named by the
 * type's scheme, with the overwrites of its opener, its added members, its
 * type's staff and the bot. Thread tickets are refused before this runs; their
 * case (unarchiving the thread) belongs here, beside the channel's.
 */
import type { HandlerContext } from "../context.ts";
import type { Reply } from "../reply.ts";
import type { Ticket, TicketType } from "../model.ts";
import type { Channel } from "../discord_port.ts";
import { createPrivateChannel } from "./private_channel.ts";
import { adoptStray } from "./ticket_reservation.ts";
import { t } from "../../i18n/translator.ts";
import type { Locale } from "../../i18n/locale.ts";

/** What the place is made for. */
export interface ReopenPlaceRequest {
  type: TicketType & { categoryId: NonNullable<TicketType["categoryId"]> };
  /** The Discord locale of whoever reads a refusal. */
  locale: string;
  /** The guild's language, for the channel's topic. */
  guildLocale: Locale;
}

/**
 * The new channel of `ticket`, or the refusal to answer with. A channel an
 * earlier reopen made before it died (marked for the ticket) is taken instead.
 */
export async function reopenPlace(
  ctx: HandlerContext,
  ticket: Ticket,
  request: ReopenPlaceRequest,
): Promise<{ channel: Channel } | { reply: Reply }> {
  const stray = await adoptStray(ctx, ticket);
  if (stray !== null) return { channel: stray };
  const member = await ctx.discord.member(ticket.guildId, ticket.openerId);
  const members = (await ctx.tickets.members(ticket.id)).map((m) => m.userId);
  return await createPrivateChannel(ctx, ticket, {
    type: request.type,
    // An opener who left keeps the name the scheme gives their id.
    opener: { id: ticket.openerId, username: member?.user.username ?? ticket.openerId },
    members,
    topic: t(request.guildLocale, "reopen.topic", { number: ticket.number }),
    locale: request.locale,
  });
}
