/**
 * Where a reopened ticket lives again. A channel ticket gets a new private
 * channel in its type's category (overflowing as an open does), named by the
 * type's scheme, with the overwrites of its opener, its added members, its
 * type's staff and the bot. A thread ticket's thread is unarchived and unlocked,
 * and its opener and members are added again; a thread deleted at close (the
 * type's `thread_close: delete`) is started anew in the type's parent channel.
 */
import type { HandlerContext } from "../context.ts";
import type { Reply } from "../reply.ts";
import type { Ticket, TicketType } from "../model.ts";
import type { Channel } from "../discord_port.ts";
import { createPrivateChannel } from "./private_channel.ts";
import { adoptStray } from "./ticket_reservation.ts";
import { startThread, type ThreadType } from "./ticket_thread.ts";
import { refuse } from "../refusal.ts";
import { t } from "../../i18n/translator.ts";
import type { Locale } from "../../i18n/locale.ts";

/** What the place is made for. */
export interface ReopenPlaceRequest {
  /** A channel type with its category, or a thread type with its parent channel. */
  type: TicketType;
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
  const { type } = request;
  if (type.mode === "thread" && type.parentChannelId !== null) {
    return {
      channel: await reopenThread(ctx, ticket, {
        ...type,
        mode: "thread",
        parentChannelId: type.parentChannelId,
      }),
    };
  }
  const categoryId = type.categoryId;
  if (categoryId === null) {
    return { reply: refuse("not_configured", t(request.guildLocale, "open.category_missing")) };
  }
  const stray = await adoptStray(ctx, ticket);
  if (stray !== null) return { channel: stray };
  const member = await ctx.discord.member(ticket.guildId, ticket.openerId);
  const members = (await ctx.tickets.members(ticket.id)).map((m) => m.userId);
  return await createPrivateChannel(ctx, ticket, {
    type: { ...type, categoryId },
    // An opener who left keeps the name the scheme gives their id.
    opener: { id: ticket.openerId, username: member?.user.username ?? ticket.openerId },
    members,
    topic: t(request.guildLocale, "reopen.topic", { number: ticket.number }),
    locale: request.locale,
  });
}

/** The ticket's thread back in use: unarchived (or started again), with its people added. */
async function reopenThread(
  ctx: HandlerContext,
  ticket: Ticket,
  type: ThreadType,
): Promise<Channel> {
  const existing = ticket.channelId === null ? null : await ctx.discord.channel(ticket.channelId);
  const members = (await ctx.tickets.members(ticket.id)).map((m) => m.userId);
  let thread: Channel;
  if (existing !== null && existing.kind === "thread") {
    await ctx.discord.unarchiveThread(existing.id);
    await ctx.discord.addThreadMember(existing.id, ticket.openerId);
    thread = existing;
  } else {
    const parent = await ctx.discord.channel(type.parentChannelId);
    if (parent === null) throw new Error(`The parent channel of ticket ${ticket.number} is gone`);
    const member = await ctx.discord.member(ticket.guildId, ticket.openerId);
    thread = await startThread(ctx, ticket, {
      parent,
      type,
      opener: member?.user ?? {
        id: ticket.openerId,
        username: ticket.openerId,
        globalName: null,
        avatar: null,
        bot: false,
      },
    });
  }
  for (const userId of members) await ctx.discord.addThreadMember(thread.id, userId);
  return thread;
}
