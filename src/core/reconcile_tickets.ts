/**
 * Reconciling one ticket: a close left in `closing` resumes; an open ticket
 * whose channel is gone is closed with reason "channel deleted" (the close flow
 * falls back on what the live archive recorded); a reservation that never got a
 * channel is discarded once its grace period is over.
 */
import type { HandlerContext } from "./context.ts";
import type { ChannelId, UserId } from "./ids.ts";
import { runClose } from "./tickets/close_flow.ts";
import type { Channel } from "./discord_port.ts";
import { isDiscordFailure } from "./discord_failure.ts";
import type { NewAuditEvent, Ticket } from "./model.ts";
import type { ReconcileSummary } from "./reconcile_summary.ts";

/** The close reason of a ticket whose channel disappeared. */
export const CHANNEL_DELETED_REASON = "channel deleted";

/** The audit event of what reconciliation `did` to `ticket`, done by the bot. */
function reconcileEvent(
  ticket: Ticket,
  botUserId: UserId,
  did: "resumed" | "closed" | "discarded",
  detail: Record<string, unknown>,
): NewAuditEvent {
  return {
    guildId: ticket.guildId,
    ticketId: ticket.id,
    actorId: botUserId,
    action: `ticket.reconcile_${did}`,
    detail: { number: ticket.number, ...detail },
  };
}

/** Warns with `message` that the close of `ticket` stopped at `outcome.step`. */
function logStoppedClose(
  ctx: HandlerContext,
  ticket: Ticket,
  outcome: { step: string; reason: string },
  message: string,
): void {
  ctx.log.warn(message, {
    number: ticket.number,
    guildId: ticket.guildId,
    step: outcome.step,
    reason: outcome.reason,
  });
}

/** Resumes the close of a ticket left in `closing`. */
export async function resumeClose(
  ctx: HandlerContext,
  ticket: Ticket,
  botUserId: UserId,
  summary: ReconcileSummary,
): Promise<void> {
  ctx.log.info("Resuming the close of ticket #{number} in guild {guildId} (last step {step})", {
    number: ticket.number,
    guildId: ticket.guildId,
    step: ticket.closeStep,
  });
  const outcome = await runClose(ticket, ctx, {
    by: ticket.closedBy ?? botUserId,
    reason: ticket.closeReason,
  });
  if (outcome.kind === "closed") {
    summary.resumed.push(ticket.id);
    await ctx.audit.record(
      reconcileEvent(ticket, botUserId, "resumed", { lastStep: ticket.closeStep }),
    );
  } else {
    summary.failures++;
    logStoppedClose(
      ctx,
      ticket,
      outcome,
      "Could not finish closing ticket #{number} in guild {guildId} at step {step}: {reason}; the next pass tries again",
    );
  }
}

/**
 * Closes an open ticket whose channel is gone; discards a stale reservation.
 * `listed` says whether the channel was among its guild's channels when they
 * were last listed: then it is kept without a request of its own; a channel not
 * listed (made since, a thread, or gone) is looked up to be sure.
 */
export async function checkOpenTicket(
  ctx: HandlerContext,
  ticket: Ticket,
  botUserId: UserId,
  graceMs: number,
  summary: ReconcileSummary,
  listed: (ticket: Ticket) => Promise<boolean> = () => Promise.resolve(false),
): Promise<void> {
  if (ticket.channelId === null) {
    // Reserved, but the bot stopped before it created the channel.
    const age = ctx.clock.now().getTime() - ticket.createdAt.getTime();
    if (age < graceMs) return;
    await ctx.tickets.discard(ticket.id);
    summary.discarded.push(ticket.id);
    ctx.log.warn("Discarded ticket #{number} in guild {guildId}: its channel was never created", {
      number: ticket.number,
      guildId: ticket.guildId,
    });
    // The row is gone, so the event names the ticket by number only.
    await ctx.audit.record({
      ...reconcileEvent(ticket, botUserId, "discarded", { openerId: ticket.openerId }),
      ticketId: null,
    });
    return;
  }

  if (await listed(ticket)) return;
  const channel = await channelOrGone(ctx, ticket.channelId);
  if (channel !== null) return;

  await closeGoneChannel(ctx, ticket, botUserId);
  summary.closedMissing.push(ticket.id);
}

/**
 * Closes `ticket`, whose channel is gone, with reason "channel deleted": the
 * transcript comes from the live archive. Audited; a close that stops is logged
 * and left for the next pass.
 */
export async function closeGoneChannel(
  ctx: HandlerContext,
  ticket: Ticket,
  botUserId: UserId,
): Promise<void> {
  ctx.log.warn(
    "The channel {channelId} of ticket #{number} in guild {guildId} is gone: closing the ticket",
    { channelId: ticket.channelId, number: ticket.number, guildId: ticket.guildId },
  );
  const outcome = await runClose(ticket, ctx, { by: botUserId, reason: CHANNEL_DELETED_REASON });
  await ctx.audit.record(reconcileEvent(ticket, botUserId, "closed", {
    channelId: ticket.channelId,
    reason: CHANNEL_DELETED_REASON,
    outcome: outcome.kind,
    ...(outcome.kind === "failed" ? { failedStep: outcome.step, failure: outcome.reason } : {}),
  }));
  if (outcome.kind === "failed") {
    logStoppedClose(
      ctx,
      ticket,
      outcome,
      "Ticket #{number} in guild {guildId} stays closing at step {step}: {reason}; the next pass resumes it",
    );
  }
}

/** The channel, or null when Discord says it does not exist; other failures throw. */
async function channelOrGone(ctx: HandlerContext, id: ChannelId): Promise<Channel | null> {
  try {
    return await ctx.discord.channel(id);
  } catch (error) {
    if (isDiscordFailure(error, "unknown_channel")) return null;
    throw error;
  }
}
