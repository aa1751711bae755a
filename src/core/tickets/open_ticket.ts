/**
 * The one path that opens a ticket, shared by the panel button, the panel's form
 * and `/ticket new`: reserve the ticket (atomic limit and number), create its
 * private channel, post the welcome message, and answer with a link. Each step
 * undoes the previous one when it fails, and the member is told why.
 */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput } from "../interaction.ts";
import type { ModalBody } from "../message_body.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { announceAction } from "../audit_log.ts";
import { encodeCustomId } from "../custom_id.ts";
import { type DiscordFailure, DiscordRequestError } from "../discord_failure.ts";
import { failureRefusal } from "../failure_text.ts";
import type { NewAuditEvent, Ticket, TicketAnswer, TicketType } from "../model.ts";
import type { UserId } from "../ids.ts";
import { channelName } from "./channel_name.ts";
import { staffOnlyOverwrites, ticketOverwrites } from "./overwrites.ts";
import { createTicketChannel } from "./ticket_channel.ts";
import { LockTimeoutError } from "../lock_timeout_error.ts";
import { welcomeMessage } from "./welcome.ts";
import { openLimitRefusal } from "../types/limit_refusal.ts";

/** What the member asked for. */
export interface OpenRequest {
  type: TicketType;
  topic: string | null;
  answers: TicketAnswer[];
}

/** Longest answer to a form question. */
export const MAX_ANSWER_LENGTH = 1000;

function limitRefusal(existing: Ticket[], limit: number): Reply {
  const links = existing.filter((t) => t.channelId !== null).map((t) => `<#${t.channelId}>`);
  // A ticket without a channel is one a concurrent click is creating right now.
  const where = links.length > 0
    ? ` Continue in ${links.join(", ")}.`
    : existing.length > 0
    ? " Its channel is being created right now; the link follows in a moment."
    : "";
  const count = limit === 1 ? "an open ticket" : `${limit} open tickets`;
  return refuse("ticket_limit", `You already have ${count}, the most allowed here.${where}`);
}

/** The form of a ticket type that asks questions before opening (never after a defer). */
export function openForm(type: TicketType): ModalBody {
  return {
    custom_id: encodeCustomId({ action: "openform", typeId: type.id }),
    title: "Open a ticket",
    components: type.questions.slice(0, 5).map((question, index) => ({
      type: 18,
      label: question.label.slice(0, 45),
      component: {
        type: 4,
        custom_id: `q${index}`,
        style: 2,
        required: true,
        max_length: MAX_ANSWER_LENGTH,
      },
    })),
  };
}

/** A quick, non-atomic limit check so a member at the limit is not shown a form first. */
export async function precheckLimit(
  input: InteractionInput,
  ctx: HandlerContext,
  type: TicketType,
): Promise<Reply | null> {
  const mine = (await ctx.tickets.heldBy(input.guildId, input.member.user.id))
    .filter((t) => t.typeId === type.id);
  return mine.length >= type.maxOpenPerMember ? limitRefusal(mine, type.maxOpenPerMember) : null;
}

/** Failures a member is told about when Discord refused to create the channel. */
const CHANNEL_FAILURES = new Set<DiscordFailure["kind"]>([
  "guild_channel_limit",
  "missing_permissions",
  "missing_access",
  "rate_limited",
  "unavailable",
]);

/** What the member is told when Discord refused to create the channel; null for the rest. */
function channelFailureReply(error: DiscordRequestError): Reply | null {
  return CHANNEL_FAILURES.has(error.failure.kind)
    ? failureRefusal(error.failure, { doing: "create_channel" })
    : null;
}

/** Opens a ticket for the member behind `input`. Defers first. */
export async function openTicket(
  input: InteractionInput,
  ctx: HandlerContext,
  request: OpenRequest,
): Promise<Reply> {
  await ctx.defer({ ephemeral: true });
  const { type } = request;
  if (type.categoryId === null) {
    return refuse(
      "not_configured",
      "Tickets are not set up on this server yet. Please ask an admin to run `/setup`.",
    );
  }
  const opener = input.member.user;
  const result = await ctx.tickets.open({
    guildId: input.guildId,
    typeId: type.id,
    openerId: opener.id,
    topic: request.topic,
    answers: request.answers,
  });
  if (result.kind === "limit_reached") return limitRefusal(result.existing, result.limit);
  if (result.kind !== "opened") return openLimitRefusal(result, input);
  const reserved = result.ticket;

  let created;
  try {
    const bot = await ctx.discord.botUser();
    const targets = {
      guildId: input.guildId,
      staffRoleIds: type.staffRoleIds,
      botId: bot.id,
      botPermissions: input.appPermissions,
    };
    created = await createTicketChannel(ctx, {
      guildId: input.guildId,
      categoryId: type.categoryId,
      name: channelName(type.namingScheme, {
        number: reserved.number,
        username: opener.username,
        userId: opener.id,
      }),
      topic: `Ticket #${reserved.number} opened by ${opener.username} (${opener.id})`,
      overwrites: ticketOverwrites({ ...targets, openerId: opener.id }),
      categoryOverwrites: staffOnlyOverwrites(targets),
    });
  } catch (error) {
    await ctx.tickets.discard(reserved.id);
    if (error instanceof DiscordRequestError) {
      ctx.log.warn("Could not create the channel of ticket {number} in guild {guildId}", {
        number: reserved.number,
        guildId: input.guildId,
        error,
      });
      const reply = channelFailureReply(error);
      if (reply !== null) return reply;
    }
    if (error instanceof LockTimeoutError) {
      ctx.log.warn("Could not create the channel of ticket {number} in guild {guildId}", {
        number: reserved.number,
        guildId: input.guildId,
        error,
      });
      return refuse(
        "busy",
        "Many tickets are being opened at this moment. Please try again in a minute.",
      );
    }
    throw error;
  }
  if (created.kind === "category_missing") {
    await ctx.tickets.discard(reserved.id);
    return refuse(
      "not_configured",
      "The ticket category no longer exists. Please ask an admin to run `/setup` again.",
    );
  }
  const channel = created.channel;

  let ticket: Ticket;
  try {
    // The ticket counts as opened once its channel is saved, and its audit row with
    // it: both commit together or neither does.
    ticket = await ctx.atomically(async (tx) => {
      const opened = await tx.tickets.setChannel(reserved.id, channel.id);
      await tx.audit.record(openedEvent(opened, opener.id));
      return opened;
    });
  } catch (error) {
    ctx.log.error("Could not save the channel of ticket {number} in guild {guildId}", {
      number: reserved.number,
      guildId: input.guildId,
      error,
    });
    try {
      await ctx.discord.deleteChannel(channel.id, "Ticket could not be saved");
    } catch (deleteError) {
      ctx.log.error("Could not delete orphan ticket channel {channelId}", {
        channelId: channel.id,
        error: deleteError,
      });
    }
    try {
      await ctx.tickets.discard(reserved.id);
    } catch (discardError) {
      ctx.log.warn("Could not discard ticket {ticketId}", {
        ticketId: reserved.id,
        error: discardError,
      });
    }
    return refuse(
      "discord_unavailable",
      "I created your ticket channel but could not save the ticket, so I removed the channel again. Please try again in a moment.",
    );
  }

  try {
    await ctx.discord.sendMessage(
      channel.id,
      welcomeMessage(ticket, type, { assistant: ctx.assistant === true }),
    );
  } catch (error) {
    ctx.log.warn("Could not post the welcome message of ticket {number} in guild {guildId}", {
      number: ticket.number,
      guildId: input.guildId,
      error,
    });
  }
  await announceAction(
    ctx,
    openedEvent(ticket, opener.id),
    `Ticket #${ticket.number} opened by <@${opener.id}> in <#${channel.id}>`,
  );
  return ephemeral(`Your ticket is open: <#${channel.id}>`);
}

/** The audit record of `ticket` being opened by `openerId`. */
function openedEvent(ticket: Ticket, openerId: UserId): NewAuditEvent {
  return {
    guildId: ticket.guildId,
    ticketId: ticket.id,
    actorId: openerId,
    action: "ticket.open",
    detail: { number: ticket.number, channelId: ticket.channelId, topic: ticket.topic },
  };
}
