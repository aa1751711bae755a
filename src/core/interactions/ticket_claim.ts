/**
 * Claiming: `/ticket claim`, the Claim button, and `/ticket unclaim`. In the
 * type's `hide` and `readonly` claim modes the channel's overwrites follow the
 * claim; the channel is never renamed.
 */
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
import { guildText, readerText } from "../language.ts";
import type { UserId } from "../ids.ts";
import { claimChangesAccess, followClaim } from "../tickets/ticket_access.ts";

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

/**
 * Gives the channel the overwrites of the new claim (a hidden or read-only claim
 * mode); the answer is deferred first, as that takes a few requests.
 */
async function changeAccess(
  input: InteractionInput,
  ctx: HandlerContext,
  change: TicketScope & { from: UserId | null; to: UserId | null },
): Promise<Reply | null> {
  if (!claimChangesAccess(change.type, change.from, change.to)) return null;
  await ctx.defer({ ephemeral: false });
  return await followClaim(ctx, change.ticket, { ...change, locale: input.locale });
}

async function claim(
  input: InteractionInput,
  ctx: HandlerContext,
  scope: TicketScope | Reply,
): Promise<Reply> {
  const authorized = isReply(scope) ? scope : authorize("claim", input, scope);
  if (isReply(authorized)) return authorized;
  const { ticket, type } = authorized;
  const me = input.member.user.id;
  const reader = readerText(input);
  const alreadyClaimed = (by: string | null) =>
    refuse(
      "already_claimed",
      by === me
        ? reader.t("claim.you_already")
        : by === null
        ? reader.t("claim.someone_already")
        : reader.t("claim.other_already", { user: by }),
    );
  if (ticket.claimedBy !== null) return alreadyClaimed(ticket.claimedBy);
  if (!(await ctx.tickets.claim(ticket.id, me, null))) {
    const now = await ctx.tickets.get(ticket.id);
    return alreadyClaimed(now?.claimedBy ?? null);
  }
  const access = await changeAccess(input, ctx, { ticket, type, from: null, to: me });
  if (access !== null) return access;
  const guild = await guildText(ctx, input);
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
    guild.t("claim.audit", { user: me, number: ticket.number }),
  );
  const assistant = ctx.assistant && !ticket.assistantPaused ? "paused" : "none";
  return visible({
    content: guild.t("claim.claimed", { user: me, assistant }),
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
  const reader = readerText(input);
  if (ticket.claimedBy === null) return refuse("not_claimed", reader.t("claim.nobody"));
  if (!(await ctx.tickets.claim(ticket.id, null, ticket.claimedBy))) {
    return refuse("not_claimed", reader.t("claim.changed"));
  }
  const access = await changeAccess(input, ctx, {
    ...scope,
    from: ticket.claimedBy,
    to: null,
  });
  if (access !== null) return access;
  const me = input.member.user.id;
  const guild = await guildText(ctx, input);
  await recordAction(
    ctx,
    {
      guildId: input.guildId,
      ticketId: ticket.id,
      actorId: me,
      action: "ticket.unclaim",
      detail: { previous: ticket.claimedBy },
    },
    guild.t("claim.released_audit", { user: me, number: ticket.number }),
  );
  return visible({
    content: guild.t("claim.released", {
      user: me,
      assistant: ctx.assistant && ticket.assistantPaused ? "paused" : "none",
    }),
    allowed_mentions: { parse: [] },
  });
}
