/**
 * `/ticket move <type>`: staff move a ticket to another type. The store's type
 * (and claim) change first, by compare-and-set; then ONE channel edit gives the
 * channel the new type's category (overflowing like an open), its overwrites
 * (opener, members, the claimer if staff of the new type, the new staff roles,
 * the bot) and, only when it differs, the name of the new type's scheme. If
 * Discord refuses, the store is put back. A claimer who is not staff of the new
 * type loses the claim.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import type { Channel } from "../discord_port.ts";
import type { Ticket, TicketType } from "../model.ts";
import type { TypeChange } from "../ports.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import { DiscordRequestError } from "../discord_failure.ts";
import { failureRefusal } from "../failure_text.ts";
import { LockTimeoutError } from "../lock_timeout_error.ts";
import { guildText, readerText } from "../language.ts";
import type { Translator } from "../../i18n/translator.ts";
import { chosenType } from "../types/chosen_type.ts";
import { isReply, ticketFor } from "../tickets/ticket_scope.ts";
import { staffStanding } from "../tickets/staff_member.ts";
import { type BotFacts, botFacts, ticketAccessList } from "../tickets/ticket_access.ts";
import { staffOnlyOverwrites } from "../tickets/overwrites.ts";
import { placeInCategory } from "../tickets/ticket_channel.ts";
import { channelName } from "../tickets/channel_name.ts";
import { defineSubcommand, type OptionValues } from "./define_command.ts";
import { TYPE_OPTION } from "./type_option.ts";

const OPTIONS = [{ ...TYPE_OPTION, description: "The type to move this ticket to" }] as const;

/** `/ticket move <type>`. */
export const ticketMove = defineSubcommand({
  name: "move",
  description: "Move this ticket to another type",
  options: OPTIONS,
  handler: handleTicketMove,
});

/** Handles `/ticket move`. */
export async function handleTicketMove(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketFor("move", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket, type: from } = scope;
  const reader = readerText(input);
  const to = await chosenType(ctx.types, { guildId: input.guildId, value: options.type ?? "" });
  if (to === null) return refuse("unknown_type", reader.t("move.unknown"));
  if (to.id === from.id) return refuse("invalid_value", reader.t("move.same", { type: to.name }));
  if (from.mode !== "channel" || to.mode !== "channel" || ticket.channelId === null) {
    return refuse("invalid_value", reader.t("move.other_mode", { type: to.name, mode: to.mode }));
  }
  if (to.categoryId === null) {
    return refuse("not_configured", reader.t("move.no_category", { type: to.name }));
  }
  await ctx.defer({ ephemeral: false });
  const channel = await ctx.discord.channel(ticket.channelId);
  if (channel === null) return refuse("channel_missing", reader.t("failure.unknown_channel"));
  const bot = await botFacts(ctx.discord, input.guildId);
  const claimTo = ticket.claimedBy !== null &&
      (await staffStanding(ctx.discord, to, ticket.claimedBy)) === "staff"
    ? ticket.claimedBy
    : null;
  const name = await movedName(ctx, { ticket, from, to, channel });
  const change: TypeChange = {
    from: from.id,
    to: to.id,
    claimedBy: ticket.claimedBy,
    claimTo,
  };
  if (!(await ctx.tickets.changeType(ticket.id, change))) {
    return refuse("busy", reader.t("move.changed"));
  }
  const target = { ...to, categoryId: to.categoryId };
  const moved = await moveChannel(ctx, { ticket, to: target, channel, name, bot, claimTo }, reader)
    .catch(async (error) => {
      await putBack(ctx, ticket, change);
      throw error;
    });
  if (moved !== null) {
    await putBack(ctx, ticket, change);
    return moved;
  }
  const me = input.member.user.id;
  const guild = await guildText(ctx, input);
  const released = ticket.claimedBy !== null && claimTo === null;
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: "ticket.move",
      detail: {
        from: from.id,
        to: to.id,
        ...(released ? { released: ticket.claimedBy } : {}),
      },
    },
    guild.t("move.audit", { user: me, number: ticket.number, from: from.name, to: to.name }),
  );
  return visible({
    content: guild.t("move.moved", {
      user: me,
      type: to.name,
      released: released ? "yes" : "no",
      claimer: ticket.claimedBy ?? "",
    }),
    allowed_mentions: { parse: [] },
  });
}

/** The channel's name under the new type's scheme (its current one when that cannot be known). */
async function movedName(
  ctx: HandlerContext,
  move: { ticket: Ticket; from: TicketType; to: TicketType; channel: Channel },
): Promise<string> {
  const { ticket, to, channel } = move;
  if (to.namingScheme === move.from.namingScheme) return channel.name;
  let username = "";
  if (to.namingScheme.includes("{username}")) {
    const opener = await ctx.discord.member(ticket.guildId, ticket.openerId);
    // Without the opener's name the channel keeps the name it has.
    if (opener === null) return channel.name;
    username = opener.user.username;
  }
  return channelName(to.namingScheme, {
    number: ticket.number,
    username,
    userId: ticket.openerId,
  });
}

/**
 * The one channel edit of a move, into the new type's category or its overflow;
 * null when done, else the refusal (the caller puts the store back).
 */
async function moveChannel(
  ctx: HandlerContext,
  move: {
    ticket: Ticket;
    to: TicketType & { categoryId: NonNullable<TicketType["categoryId"]> };
    channel: Channel;
    name: string;
    bot: BotFacts;
    claimTo: Ticket["claimedBy"];
  },
  reader: Translator,
): Promise<Reply | null> {
  const { ticket, to, channel, bot } = move;
  const overwrites = await ticketAccessList(ctx, ticket, {
    type: to,
    claimerId: move.claimTo,
    bot,
  });
  try {
    const placed = await placeInCategory(
      ctx,
      {
        guildId: ticket.guildId,
        categoryId: to.categoryId,
        categoryOverwrites: staffOnlyOverwrites({
          guildId: ticket.guildId,
          staffRoleIds: to.staffRoleIds,
          ...bot,
        }),
        currentParentId: channel.parentId,
      },
      [],
      {
        create: (parentId) =>
          ctx.discord.editChannel(channel.id, {
            ...(move.name === channel.name ? {} : { name: move.name }),
            ...(parentId === channel.parentId ? {} : { parentId }),
            overwrites,
          }),
        remember: () => Promise.resolve(),
      },
    );
    if (placed.kind === "category_missing") {
      return refuse("not_configured", reader.t("move.category_missing", { type: to.name }));
    }
    return null;
  } catch (error) {
    if (error instanceof LockTimeoutError) return refuse("busy", reader.t("open.busy"));
    if (!(error instanceof DiscordRequestError)) throw error;
    ctx.log.warn("Could not move ticket {number} in guild {guildId}", {
      number: ticket.number,
      guildId: ticket.guildId,
      error,
    });
    return failureRefusal(error.failure, { locale: reader.locale }) ??
      refuse("discord_unavailable", reader.t("work.access_failed"));
  }
}

/** Undoes a move in the store after Discord refused it. */
async function putBack(ctx: HandlerContext, ticket: Ticket, change: TypeChange): Promise<void> {
  const back = {
    from: change.to,
    to: change.from,
    claimedBy: change.claimTo,
    claimTo: change.claimedBy,
  };
  if (!(await ctx.tickets.changeType(ticket.id, back))) {
    ctx.log.error("Could not put ticket {number} in guild {guildId} back to its type", {
      number: ticket.number,
      guildId: ticket.guildId,
    });
  }
}
