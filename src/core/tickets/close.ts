/**
 * Closing from Discord: `/ticket close [reason]` and the Close button ask for
 * confirmation; Confirm runs the close flow, Cancel dismisses the question. The
 * reason waits in the key/value store between the question and the confirmation,
 * because a `custom_id` has no room for it.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, ComponentInput, InteractionInput } from "../interaction.ts";
import { refuse } from "../errors.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { stringOption } from "../command_options.ts";
import { buttonRow } from "../button_row.ts";
import type { TicketId } from "../model.ts";
import { runClose } from "./close_flow.ts";
import {
  authorize,
  isReply,
  ticketById,
  ticketInChannel,
  type TicketScope,
} from "./ticket_scope.ts";

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
  const because = reason ? `\nReason: ${reason}` : "";
  return ephemeral({
    content:
      `Close ticket #${ticket.number}? A transcript is kept and this channel is deleted.${because}`,
    allowed_mentions: { parse: [] },
    components: [buttonRow([
      { style: 4, label: "Close ticket", id: { action: "closeok", ticketId: ticket.id } },
      { style: 2, label: "Cancel", id: { action: "closeno", ticketId: ticket.id } },
    ])],
  });
}

/** Handles `/ticket close [reason]`: asks for confirmation. */
export async function handleTicketClose(
  input: CommandInput,
  ctx: HandlerContext,
): Promise<Reply> {
  const scope = await ticketInChannel(input, ctx, { allowClosing: true });
  if (isReply(scope)) return scope;
  return await confirmation(input, ctx, scope, stringOption(input, "reason") || null);
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
  await ctx.defer({ ephemeral: true });
  const reason = ticket.closeReason ??
    ((await ctx.settings.meta(closeReasonKey(ticket.id))) || null);
  const outcome = await runClose(ticket, ctx, { by: input.member.user.id, reason });
  if (outcome.kind === "closed") {
    return ephemeral(`Ticket #${ticket.number} is closed.`);
  }
  ctx.log.warn("Close of ticket {number} in guild {guildId} stopped at {step}: {reason}", {
    number: ticket.number,
    guildId: input.guildId,
    step: outcome.step,
    reason: outcome.reason,
  });
  return refuse(
    "close_failed",
    `I could not finish closing ticket #${ticket.number}: ${outcome.reason}. The ticket stays open; run \`/ticket close\` again to resume.`,
  );
}

/** Handles Cancel: replaces the question. */
export function handleCloseCancel(): Promise<Reply> {
  return Promise.resolve({
    kind: "update",
    body: { content: "Closing cancelled; the ticket stays open.", components: [] },
  });
}
