/**
 * Closing from Discord: `/ticket close [reason]` and the Close button ask for
 * confirmation; Confirm runs the close flow, Cancel dismisses the question. The
 * reason waits in the key/value store between the question and the confirmation,
 * because a `custom_id` has no room for it.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, ComponentInput, InteractionInput } from "../interaction.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { buttonRow } from "../button_row.ts";
import type { TicketId } from "../model.ts";
import { closeAndAnswer } from "../tickets/close_answer.ts";
import {
  authorize,
  isReply,
  ticketById,
  ticketInChannel,
  type TicketScope,
} from "../tickets/ticket_scope.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";
import { defineButton } from "./define_component.ts";
import { readerText } from "../language.ts";

export { canReadHistory } from "../tickets/close_answer.ts";

/** Longest close reason. */
export const MAX_REASON_LENGTH = 500;

const OPTIONS = [{
  type: OptionType.String,
  name: "reason",
  description: "Why it is closed",
  required: false,
  max_length: MAX_REASON_LENGTH,
}] as const;

/** `/ticket close [reason]`. */
export const ticketClose = defineSubcommand({
  name: "close",
  description: "Close this ticket (asks for confirmation)",
  options: OPTIONS,
  handler: handleTicketClose,
});

/** The Close button on the welcome message. */
export const closeButton = defineButton({
  action: "close",
  handler: (input, ctx, id) => handleCloseButton(input, ctx, id.ticketId),
});

/** Confirm on the close question. */
export const closeConfirm = defineButton({
  action: "closeok",
  handler: (input, ctx, id) => handleCloseConfirm(input, ctx, id.ticketId),
});

/** Cancel on the close question. */
export const closeCancel = defineButton({
  action: "closeno",
  handler: (input) => handleCloseCancel(input),
});

/** The key under which a requested close keeps its reason. */
export function closeReasonKey(ticketId: TicketId): string {
  return `close_reason:${ticketId}`;
}

async function confirmation(
  input: InteractionInput,
  ctx: HandlerContext,
  scope: TicketScope,
  reason: string | null,
): Promise<Reply> {
  const authorized = authorize("close", input, scope);
  if (isReply(authorized)) return authorized;
  const { ticket } = authorized;
  await ctx.settings.setMeta(closeReasonKey(ticket.id), reason ?? "");
  const tr = readerText(input);
  return ephemeral({
    content: tr.t("close.question", {
      number: ticket.number,
      // What the close does with the ticket's place, as its type says (the close itself asks Discord).
      place: authorized.type.mode === "thread" ? authorized.type.threadClose : "channel",
      hasReason: reason ? "yes" : "no",
      reason: reason ?? "",
    }),
    allowed_mentions: { parse: [] },
    components: [buttonRow([
      { style: 4, label: tr.t("close.confirm"), id: { action: "closeok", ticketId: ticket.id } },
      { style: 2, label: tr.t("close.cancel"), id: { action: "closeno", ticketId: ticket.id } },
    ])],
  });
}

/** Handles `/ticket close [reason]`: asks for confirmation. */
export async function handleTicketClose(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await ticketInChannel(input, ctx, { allowClosing: true });
  if (isReply(scope)) return scope;
  return await confirmation(input, ctx, scope, options.reason || null);
}

/** Handles the Close button on the welcome message: asks for confirmation. */
export async function handleCloseButton(
  input: ComponentInput,
  ctx: HandlerContext,
  ticketId: TicketId,
): Promise<Reply> {
  const scope = await ticketById(input, ctx, ticketId, { allowClosing: true });
  if (isReply(scope)) return scope;
  return await confirmation(input, ctx, scope, null);
}

/** Handles Confirm: runs (or resumes) the close. */
export async function handleCloseConfirm(
  input: ComponentInput,
  ctx: HandlerContext,
  ticketId: TicketId,
): Promise<Reply> {
  const found = await ticketById(input, ctx, ticketId, { allowClosing: true });
  const scope = isReply(found) ? found : authorize("close", input, found);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  const reason = ticket.closeReason ??
    ((await ctx.settings.meta(closeReasonKey(ticket.id))) || null);
  return await closeAndAnswer(input, ctx, { ticket, by: input.member.user.id, reason });
}

/** Handles Cancel: replaces the question. */
export function handleCloseCancel(input: Pick<ComponentInput, "locale">): Promise<Reply> {
  return Promise.resolve({
    kind: "update",
    body: { content: readerText(input).t("close.cancelled"), components: [] },
  });
}
