/**
 * Creating the private thread of a thread-mode ticket in its type's parent
 * channel: the bot's permissions there are checked first (Discord would refuse
 * without them, and the member is told which one is missing), then the thread is
 * started (the bot is its first member) and the opener added. Staff reach it
 * through the staff-role mention of the welcome message (Discord adds the members
 * of a mentioned role who can see the parent channel) or by being added. A thread
 * whose opener could not be added is deleted again.
 */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput, UserRef } from "../interaction.ts";
import { type DiscordFailure, DiscordRequestError, isDiscordFailure } from "../discord_failure.ts";
import { failureRefusal } from "../failure_text.ts";
import type { Channel, DiscordPort } from "../discord_port.ts";
import type { ChannelId } from "../ids.ts";
import type { Ticket, TicketType } from "../model.ts";
import type { Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { basePermissions } from "../guild_check.ts";
import { channelName } from "./channel_name.ts";
import { permissionsIn } from "./channel_permissions.ts";
import { missingForThreads } from "./thread_permissions.ts";
import { keepFirstPlace } from "./keep_first_place.ts";

export { missingForThreads };
import { fromDiscordLocale, type Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";

/** The bot's permissions in `channel`: its roles, then the channel's overwrites. */
export async function botPermissionsIn(
  discord: Pick<DiscordPort, "botUser" | "member" | "roles">,
  channel: Channel,
): Promise<bigint> {
  const bot = await discord.botUser();
  const [member, roles] = await Promise.all([
    discord.member(channel.guildId, bot.id),
    discord.roles(channel.guildId),
  ]);
  if (member === null) return 0n;
  return permissionsIn(channel, member, {
    guildId: channel.guildId,
    base: basePermissions(channel.guildId, member.roles, roles),
  });
}

/** Discord's refusals of a thread a member is told about (others are thrown). */
const THREAD_FAILURES: ReadonlySet<DiscordFailure["kind"]> = new Set<DiscordFailure["kind"]>([
  "missing_permissions",
  "missing_access",
  "rate_limited",
  "unavailable",
]);

/** A type in thread mode with its parent channel set. */
export type ThreadType = TicketType & { mode: "thread"; parentChannelId: ChannelId };

/** Creates the ticket's private thread, or the refusal that says why it could not be made. */
export async function createTicketThread(
  ctx: HandlerContext,
  ticket: Ticket,
  request: { input: InteractionInput; type: ThreadType; takeOver?: boolean; opener?: UserRef },
): Promise<{ channel: Channel } | { reply: Reply }> {
  const { input, type } = request;
  const locale = fromDiscordLocale(input.locale);
  let parent: Channel | null;
  try {
    parent = await ctx.discord.channel(type.parentChannelId);
  } catch (error) {
    // A parent channel the bot cannot see answers Missing Access: View Channel is missing.
    if (!isDiscordFailure(error, "missing_access")) throw error;
    return {
      reply: missingReply(ctx, ticket, {
        locale,
        parentId: type.parentChannelId,
        missing: ["View Channel"],
      }),
    };
  }
  if (parent === null || parent.kind !== "text" || parent.guildId !== input.guildId) {
    return { reply: refuse("not_configured", t(locale, "thread.parent_missing")) };
  }
  const missing = missingForThreads(await botPermissionsIn(ctx.discord, parent));
  if (missing.length > 0) {
    return { reply: missingReply(ctx, ticket, { locale, parentId: parent.id, missing }) };
  }
  // Staff may open a ticket for someone else: that member is its opener.
  const opener = request.opener ?? input.member.user;
  try {
    const name = threadName(ticket, type, opener);
    const stray = request.takeOver === true
      ? await adoptStrayThread(ctx, ticket, { parent, name })
      : null;
    if (stray !== null) {
      await ctx.discord.addThreadMember(stray.id, opener.id);
      return { channel: stray };
    }
    return { channel: await startThread(ctx, ticket, { parent, opener, type }) };
  } catch (error) {
    if (!(error instanceof DiscordRequestError) || !THREAD_FAILURES.has(error.failure.kind)) {
      await ctx.tickets.discard(ticket.id);
      throw error;
    }
    ctx.log.warn("Could not create the thread of ticket {number} in guild {guildId}", {
      number: ticket.number,
      guildId: ticket.guildId,
      error,
    });
    const reply = failureRefusal(error.failure, { doing: "create_channel", locale });
    if (reply === null) throw error;
    return { reply };
  }
}

/** The refusal naming what the bot lacks in the parent channel (and the log line). */
function missingReply(
  ctx: HandlerContext,
  ticket: Ticket,
  what: { locale: Locale; parentId: ChannelId; missing: string[] },
): Reply {
  ctx.log.warn("Could not open ticket {number} in guild {guildId}: the bot lacks {missing}", {
    number: ticket.number,
    guildId: ticket.guildId,
    missing: what.missing.join(", "),
  });
  const list = new Intl.ListFormat(what.locale, { type: "conjunction" }).format(what.missing);
  return refuse(
    "bot_missing_permissions",
    t(what.locale, "thread.missing_permissions", {
      parent: what.parentId,
      list,
      count: what.missing.length,
    }),
  );
}

/**
 * The thread a crashed open made for `ticket`: an active thread of the parent
 * with the ticket's name that no ticket holds (threads carry no topic to mark;
 * every ticket keeps its thread's id, closed ones too). Any further one is
 * deleted, so the member never sees two.
 */
async function adoptStrayThread(
  ctx: HandlerContext,
  ticket: Ticket,
  place: { parent: Channel; name: string },
): Promise<Channel | null> {
  const { parent, name } = place;
  const candidates = (await ctx.discord.activeThreads(parent.guildId))
    .filter((t) => t.parentId === parent.id && t.name === name);
  const strays: Channel[] = [];
  for (const thread of candidates) {
    if (await ctx.tickets.byChannel(thread.id) === null) strays.push(thread);
  }
  return await keepFirstPlace(ctx, ticket, strays, "thread");
}

/** The thread's name: the type's naming scheme. */
function threadName(ticket: Ticket, type: ThreadType, opener: UserRef): string {
  return channelName(type.namingScheme, {
    number: ticket.number,
    username: opener.username,
    userId: opener.id,
  });
}

/** Starts the thread and adds the opener; a thread without its opener is deleted again. */
/** Starts a private thread for `ticket` in `parent` and adds its opener (deleted if that fails). */
export async function startThread(
  ctx: HandlerContext,
  ticket: Ticket,
  place: { parent: Channel; opener: UserRef; type: ThreadType },
): Promise<Channel> {
  const { parent, opener, type } = place;
  const thread = await ctx.discord.createPrivateThread(parent.id, {
    name: threadName(ticket, type, opener),
  });
  try {
    await ctx.discord.addThreadMember(thread.id, opener.id);
  } catch (error) {
    await ctx.discord.deleteChannel(thread.id, "The opener could not be added").catch(
      (deleteError: unknown) =>
        ctx.log.error("Could not delete thread {threadId}: {error}", {
          threadId: thread.id,
          error: deleteError,
        }),
    );
    throw error;
  }
  return thread;
}
