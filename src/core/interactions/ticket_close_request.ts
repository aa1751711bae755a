/**
 * `/ticket close-request [reason]` (staff): asks the opener, in the ticket, to
 * confirm the close with Accept or Keep open; only the opener may answer. Accept
 * closes through the close flow with the request's reason; Keep open ends the
 * request and says so; without an answer the ticket closes by itself after the
 * type's close-request timeout (`tickets/close_request.ts`). A new request
 * replaces the pending one, whose buttons then answer that it expired.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, ComponentInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { buttonRow } from "../button_row.ts";
import { allowed } from "../access.ts";
import { recordAction } from "../audit_log.ts";
import type { TicketId } from "../model.ts";
import { isReply, ticketById, ticketInChannel } from "../tickets/ticket_scope.ts";
import { closeAndAnswer } from "../tickets/close_answer.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";
import { defineButton } from "./define_component.ts";
import { guildText, readerText } from "../language.ts";
import { MAX_REASON_LENGTH } from "./ticket_close.ts";

const HOUR_MS = 3_600_000;

const OPTIONS = [{
  type: OptionType.String,
  name: "reason",
  description: "Why it can be closed",
  required: false,
  max_length: MAX_REASON_LENGTH,
}] as const;

/** `/ticket close-request [reason]`. */
export const ticketCloseRequest = defineSubcommand({
  name: "close-request",
  description: "Ask the opener to confirm the close (Accept / Keep open)",
  options: OPTIONS,
  handler: handleTicketCloseRequest,
});

/** Accept on a close request. */
export const closeRequestAccept = defineButton({
  action: "creqok",
  handler: (input, ctx, id) => answerCloseRequest(input, ctx, { ...id, accept: true }),
});

/** Keep open on a close request. */
export const closeRequestKeepOpen = defineButton({
  action: "creqno",
  handler: (input, ctx, id) => answerCloseRequest(input, ctx, { ...id, accept: false }),
});

/** Handles `/ticket close-request`: posts the question to the opener in the ticket. */
export async function handleTicketCloseRequest(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketInChannel(input, ctx);
  if (isReply(scope)) return scope;
  const { ticket, type } = scope;
  if (!allowed("close_request", input.member, scope)) {
    return refuse("not_staff", readerText(input).t("close_request.not_staff"));
  }
  const me = input.member.user.id;
  const reason = options.reason?.trim() || null;
  const hours = type.closeRequestTimeoutHours;
  const request = await ctx.timers.requestClose(ticket.id, {
    by: me,
    reason,
    dueAt: new Date(ctx.clock.now().getTime() + hours * HOUR_MS),
  });
  const guild = await guildText(ctx, input);
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: "ticket.close_request",
      detail: { number: ticket.number, reason, seq: request.seq },
    },
    guild.t("close_request.audit", { user: me, number: ticket.number }),
  );
  return visible({
    content: guild.t("close_request.question", {
      user: ticket.openerId,
      staff: me,
      hasReason: reason === null ? "no" : "yes",
      reason: reason ?? "",
      hours,
    }),
    allowed_mentions: { parse: [], users: [ticket.openerId] },
    components: [buttonRow([
      {
        style: 3,
        label: guild.t("close_request.accept"),
        id: { action: "creqok", ticketId: ticket.id, seq: request.seq },
      },
      {
        style: 2,
        label: guild.t("close_request.keep_open"),
        id: { action: "creqno", ticketId: ticket.id, seq: request.seq },
      },
    ])],
  });
}

/** Handles Accept and Keep open: the opener's answer to request `seq`. */
export async function answerCloseRequest(
  input: ComponentInput,
  ctx: HandlerContext,
  answer: { ticketId: TicketId; seq: number; accept: boolean },
): Promise<Reply> {
  const reader = readerText(input);
  const scope = await ticketById(input, ctx, answer.ticketId);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const me = input.member.user.id;
  if (me !== ticket.openerId) {
    return refuse("not_allowed", reader.t("close_request.only_opener"));
  }
  const ended = await ctx.timers.endCloseRequest(ticket.id, answer.seq);
  if (ended === null) return refuse("request_expired", reader.t("close_request.expired"));
  if (answer.accept) {
    return await closeAndAnswer(input, ctx, { ticket, by: me, reason: ended.reason });
  }
  const guild = await guildText(ctx, input);
  await ctx.audit.record({
    guildId: input.guildId,
    ticketId: ticket.id,
    actorId: me,
    action: "ticket.close_request_declined",
    detail: { number: ticket.number, seq: ended.seq },
  });
  return {
    kind: "update",
    body: {
      content: guild.t("close_request.kept_open", { user: me }),
      components: [],
      allowed_mentions: { parse: [] },
    },
  };
}
