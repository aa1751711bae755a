/** Claiming: `/ticket claim`, the Claim button, and `/ticket unclaim`. */
import type { HandlerContext } from "../context.ts";
import type { CommandInput, ComponentInput, InteractionInput } from "../interaction.ts";
import { refuse } from "../refusal.ts";
import { type Reply, visible } from "../reply.ts";
import { recordAction } from "../audit_log.ts";
import type { TicketId } from "../model.ts";
import {
  authorize,
  isReply,
  ticketById,
  ticketFor,
  ticketInChannel,
  type TicketScope,
} from "../tickets/ticket_scope.ts";
import { defineSubcommand } from "./define_command.ts";
import { defineButton } from "./define_component.ts";

/** `/ticket claim`. */
export const ticketClaim = defineSubcommand({
  name: "claim",
  description: "Mark yourself as handling this ticket",
  options: [],
  handler: handleTicketClaim,
});

/** `/ticket unclaim`. */
export const ticketUnclaim = defineSubcommand({
  name: "unclaim",
  description: "Release this ticket",
  options: [],
  handler: handleTicketUnclaim,
});

/** The Claim button on the welcome message. */
export const claimButton = defineButton({
  action: "claim",
  handler: (input, ctx, id) => handleClaimButton(input, ctx, id.ticketId),
});

async function claim(
  input: InteractionInput,
  ctx: HandlerContext,
  scope: TicketScope | Reply,
): Promise<Reply> {
  const authorized = isReply(scope) ? scope : authorize("claim", input, scope);
  if (isReply(authorized)) return authorized;
  const { ticket } = authorized;
  const me = input.member.user.id;
  const alreadyClaimed = (by: string) =>
    by === me ? refuse("already_claimed", "You already handle this ticket.") : refuse(
      "already_claimed",
      `<@${by}> already handles this ticket. They can release it with \`/ticket unclaim\`.`,
    );
  if (ticket.claimedBy !== null) return alreadyClaimed(ticket.claimedBy);
  if (!(await ctx.tickets.claim(ticket.id, me, null))) {
    const now = await ctx.tickets.get(ticket.id);
    return alreadyClaimed(now?.claimedBy ?? "someone");
  }
  await ctx.tickets.setAssistantPaused(ticket.id, true);
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: "ticket.claim",
      detail: {},
    },
    `<@${me}> claimed ticket #${ticket.number}`,
  );
  const assistant = ctx.assistant && !ticket.assistantPaused
    ? " The assistant is paused; staff can resume it with `/ticket assistant on`."
    : "";
  return visible({
    content: `<@${me}> is handling this ticket.${assistant}`,
    allowed_mentions: { parse: [] },
  });
}

/** Handles `/ticket claim`. */
export async function handleTicketClaim(
  input: CommandInput,
  ctx: HandlerContext,
): Promise<Reply> {
  return await claim(input, ctx, await ticketInChannel(input, ctx));
}

/** Handles the Claim button on the welcome message. */
export async function handleClaimButton(
  input: ComponentInput,
  ctx: HandlerContext,
  ticketId: TicketId,
): Promise<Reply> {
  return await claim(input, ctx, await ticketById(input, ctx, ticketId));
}

/** Handles `/ticket unclaim`. */
export async function handleTicketUnclaim(
  input: CommandInput,
  ctx: HandlerContext,
): Promise<Reply> {
  const scope = await ticketFor("unclaim", input, ctx);
  if (isReply(scope)) return scope;
  const { ticket } = scope;
  if (ticket.claimedBy === null) {
    return refuse("not_claimed", "Nobody has claimed this ticket.");
  }
  if (!(await ctx.tickets.claim(ticket.id, null, ticket.claimedBy))) {
    return refuse("not_claimed", "The claim on this ticket just changed. Please try again.");
  }
  const me = input.member.user.id;
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: "ticket.unclaim",
      detail: { previous: ticket.claimedBy },
    },
    `<@${me}> released ticket #${ticket.number}`,
  );
  return visible({
    content: `<@${me}> released this ticket; it is free to claim.${
      ctx.assistant && ticket.assistantPaused
        ? " The assistant stays paused; `/ticket assistant on` resumes it."
        : ""
    }`,
    allowed_mentions: { parse: [] },
  });
}
