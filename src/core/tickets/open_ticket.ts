/**
 * The one path that opens a ticket, shared by the panel button, the panel's form
 * and `/ticket new`: reserve the ticket (atomic limit and number), create its
 * private channel, answer with a link, then post the welcome message and the log
 * entry. Each step undoes the previous one when it fails, and the member is told
 * why. A reservation whose open died is taken over by the member's next click.
 */
import type { HandlerContext } from "../context.ts";
import type { InteractionInput } from "../interaction.ts";
import type { ModalBody } from "../message_body.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { announceAction } from "../audit_log.ts";
import { encodeCustomId } from "../custom_id.ts";
import type { Ticket, TicketAnswer, TicketType } from "../model.ts";
import type { ChannelId } from "../ids.ts";
import { completeReservation, openedEvent } from "./ticket_reservation.ts";
import { welcomeMessage } from "./welcome.ts";
import { openLimitRefusal } from "../types/limit_refusal.ts";
import { isRefusal, placeTickets } from "./ticket_place.ts";

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
  // A ticket without a channel may be one whose open died: the open after the form
  // takes it over, so the form is shown.
  if (mine.some((t) => t.channelId === null)) return null;
  return mine.length >= type.maxOpenPerMember ? limitRefusal(mine, type.maxOpenPerMember) : null;
}

/** Opens a ticket for the member behind `input`. Defers first. */
export async function openTicket(
  input: InteractionInput,
  ctx: HandlerContext,
  request: OpenRequest,
): Promise<Reply> {
  await ctx.defer({ ephemeral: true });
  const configured = placeTickets(request.type, input);
  if (isRefusal(configured)) return configured;
  const { type } = request;
  const result = await ctx.tickets.open({
    guildId: input.guildId,
    typeId: type.id,
    openerId: input.member.user.id,
    topic: request.topic,
    answers: request.answers,
  });
  if (result.kind === "limit_reached") {
    // A ticket without a channel is being made by another click, or by an open that
    // died: its lock tells which, and a dead one is taken over here.
    const stuck = result.existing.find((t) => t.channelId === null);
    if (stuck === undefined) return limitRefusal(result.existing, result.limit);
    const outcome = await completeReservation(ctx, stuck, {
      input,
      type: configured,
      takeOver: true,
    });
    if (outcome.kind === "opened") return openedReply(ctx, outcome, configured);
    if (outcome.kind === "refused") return outcome.reply;
    const existing = outcome.kind === "already_opened"
      ? result.existing.map((t) => t.id === outcome.ticket.id ? outcome.ticket : t)
      : result.existing;
    return limitRefusal(existing, result.limit);
  }
  if (result.kind !== "opened") return openLimitRefusal(result, input);
  const outcome = await completeReservation(ctx, result.ticket, {
    input,
    type: configured,
    takeOver: false,
  });
  switch (outcome.kind) {
    case "opened":
      return openedReply(ctx, outcome, configured);
    case "already_opened":
      return ephemeral(`Your ticket is open: <#${outcome.ticket.channelId}>`);
    case "in_progress":
      return limitRefusal([result.ticket], 1);
    case "refused":
      return outcome.reply;
  }
}

/**
 * The link, at once; the welcome message and the log post follow once the member
 * has it (they are what the member need not wait for).
 */
function openedReply(
  ctx: HandlerContext,
  outcome: { ticket: Ticket; channel: { id: string } },
  type: TicketType,
): Reply {
  const { ticket, channel } = outcome;
  return {
    kind: "message",
    body: { content: `Your ticket is open: <#${channel.id}>` },
    ephemeral: true,
    after: async () => {
      try {
        await ctx.discord.sendMessage(
          channel.id as ChannelId,
          welcomeMessage(ticket, type, { assistant: ctx.assistant === true }),
        );
      } catch (error) {
        ctx.log.warn("Could not post the welcome message of ticket {number} in guild {guildId}", {
          number: ticket.number,
          guildId: ticket.guildId,
          error,
        });
      }
      await announceAction(
        ctx,
        openedEvent(ticket, ticket.openerId),
        `Ticket #${ticket.number} opened by <@${ticket.openerId}> in <#${channel.id}>`,
      );
    },
  };
}
