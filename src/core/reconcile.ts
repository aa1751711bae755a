/**
 * Putting the database and Discord back in agreement after a crash or while the
 * bot was away, at startup and every few minutes after:
 *
 * - an open ticket whose channel is gone is closed with reason "channel deleted"
 *   (the close flow falls back on what the live archive recorded);
 * - a ticket left in `closing` resumes its close;
 * - a ticket channel the bot made whose ticket row is missing is reported (log
 *   warning, audit event, log channel), never deleted: only a person can tell
 *   whether it still holds a conversation someone needs.
 *
 * One ticket or guild that fails is logged and skipped; the rest go on.
 */
import type { HandlerContext } from "./context.ts";
import { type ChannelId, type GuildId, snowflakeTime, type UserId } from "./ids.ts";
import { recordAction } from "./audit_log.ts";
import { runClose } from "./tickets/close_flow.ts";
import type { Channel } from "./ports.ts";
import { isDiscordFailure } from "./discord_failure.ts";
import type { NewAuditEvent, Ticket, TicketId, TicketType } from "./model.ts";

/** What reconciliation needs: a handler context without an interaction to defer. */
export type ReconcileContext = Omit<HandlerContext, "defer">;

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /** The bot's own user id: it closes tickets and is not a ticket participant. */
  botUserId: UserId;
  /** Only these guilds (default: every guild the bot is in, every ticket in the database). */
  guildIds?: GuildId[];
  /**
   * Younger tickets without a channel and younger channels without a ticket row are
   * left alone: an open in flight looks exactly like that. Default 10 minutes.
   */
  graceMs?: number;
  /** Guilds to leave alone this pass (the bot left them: Discord would answer 403). */
  skipGuild?: (guildId: GuildId) => Promise<boolean>;
}

/** What a reconciliation pass did. */
export interface ReconcileSummary {
  /** Open tickets whose channel was gone, now closed (or left closing to resume later). */
  closedMissing: TicketId[];
  /** Tickets left in `closing` whose close finished now. */
  resumed: TicketId[];
  /** Ticket-looking channels without a ticket row (reported, not deleted). */
  orphanChannels: ChannelId[];
  /** Tickets reserved but never given a channel, discarded (their numbers stay used). */
  discarded: TicketId[];
  /** Tickets or guilds that could not be reconciled this time (logged). */
  failures: number;
}

/** The close reason of a ticket whose channel disappeared. */
export const CHANNEL_DELETED_REASON = "channel deleted";

const DEFAULT_GRACE_MS = 10 * 60 * 1000;

/** Runs one reconciliation pass; never throws for one bad ticket or guild. */
export async function reconcile(
  ctx: ReconcileContext,
  options: ReconcileOptions,
): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = {
    closedMissing: [],
    resumed: [],
    orphanChannels: [],
    discarded: [],
    failures: 0,
  };
  const handlerCtx: HandlerContext = { ...ctx, defer: () => Promise.resolve() };
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const only = options.guildIds === undefined ? null : new Set<string>(options.guildIds);
  const skipped = new Map<string, Promise<boolean>>();
  const skip = (guildId: GuildId): Promise<boolean> => {
    if (options.skipGuild === undefined) return Promise.resolve(false);
    let answer = skipped.get(guildId);
    if (answer === undefined) {
      answer = options.skipGuild(guildId).catch(() => false);
      skipped.set(guildId, answer);
    }
    return answer;
  };

  let tickets: Ticket[];
  try {
    tickets = await ctx.tickets.withStatus(["open", "closing"]);
  } catch (error) {
    ctx.log.error("Cannot reconcile tickets: the database did not answer: {error}", { error });
    summary.failures++;
    tickets = [];
  }
  for (const ticket of tickets) {
    if (only !== null && !only.has(ticket.guildId)) continue;
    if (await skip(ticket.guildId)) continue;
    try {
      if (ticket.status === "closing") {
        await resumeClose(handlerCtx, ticket, options.botUserId, summary);
      } else {
        await checkOpenTicket(handlerCtx, ticket, options.botUserId, graceMs, summary);
      }
    } catch (error) {
      summary.failures++;
      ctx.log.error(
        "Cannot reconcile ticket {ticketId} (#{number}) in guild {guildId}: {error}",
        { ticketId: ticket.id, number: ticket.number, guildId: ticket.guildId, error },
      );
    }
  }

  // Only guilds that set tickets up can hold ticket channels: one query, and no
  // per-guild work (or rows) for the thousands of guilds that never ran /setup.
  const types = (await ctx.types.withCategory())
    .filter((type) => only === null || only.has(type.guildId));
  for (const type of types) {
    if (await skip(type.guildId)) continue;
    try {
      await findOrphanChannels(handlerCtx, type, options.botUserId, graceMs, summary);
    } catch (error) {
      // A guild the bot has left answers "missing access": nothing to reconcile there.
      const left = isDiscordFailure(error, "missing_access", "unknown_channel");
      if (!left) summary.failures++;
      const line = "Cannot look for orphan ticket channels in guild {guildId}: {error}";
      const fields = { guildId: type.guildId, error };
      if (left) ctx.log.debug(line, fields);
      else ctx.log.warn(line, fields);
    }
  }

  const changed = summary.closedMissing.length + summary.resumed.length +
    summary.orphanChannels.length + summary.discarded.length + summary.failures;
  if (changed > 0) {
    ctx.log.info(
      "Reconciled: {closedMissing} closed (channel gone), {resumed} closes resumed, {orphans} orphan channels, {discarded} discarded, {failures} failures",
      {
        closedMissing: summary.closedMissing.length,
        resumed: summary.resumed.length,
        orphans: summary.orphanChannels.length,
        discarded: summary.discarded.length,
        failures: summary.failures,
      },
    );
  }
  return summary;
}

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

async function resumeClose(
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

async function checkOpenTicket(
  ctx: HandlerContext,
  ticket: Ticket,
  botUserId: UserId,
  graceMs: number,
  summary: ReconcileSummary,
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

  const channel = await channelOrGone(ctx, ticket.channelId);
  if (channel !== null) return;

  ctx.log.warn(
    "The channel {channelId} of ticket #{number} in guild {guildId} is gone: closing the ticket",
    { channelId: ticket.channelId, number: ticket.number, guildId: ticket.guildId },
  );
  const outcome = await runClose(ticket, ctx, { by: botUserId, reason: CHANNEL_DELETED_REASON });
  summary.closedMissing.push(ticket.id);
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

async function findOrphanChannels(
  ctx: HandlerContext,
  type: TicketType,
  botUserId: UserId,
  graceMs: number,
  summary: ReconcileSummary,
): Promise<void> {
  const guildId = type.guildId;
  if (type.categoryId === null) return;
  const channels = await ctx.discord.guildChannels(guildId);
  const categories = ticketCategories(channels, type.categoryId);
  if (categories.size === 0) return;

  const now = ctx.clock.now().getTime();
  for (const channel of channels) {
    if (channel.kind !== "text" || channel.parentId === null) continue;
    if (!categories.has(channel.parentId)) continue;
    const participant = channel.overwrites.find((overwrite) =>
      overwrite.type === "member" && overwrite.id !== botUserId
    );
    if (participant === undefined) continue;
    if (now - snowflakeTime(channel.id).getTime() < graceMs) continue;
    if (await ctx.tickets.byChannel(channel.id) !== null) continue;

    summary.orphanChannels.push(channel.id);
    const key = `reconcile.orphan.${channel.id}`;
    if (await ctx.settings.meta(key) !== null) {
      ctx.log.debug("Channel #{name} ({channelId}) in guild {guildId} is still an orphan", {
        name: channel.name,
        channelId: channel.id,
        guildId,
      });
      continue;
    }
    ctx.log.warn(
      "Channel #{name} ({channelId}) in guild {guildId} looks like a ticket channel but has no ticket row; it is left as is for staff to review",
      { name: channel.name, channelId: channel.id, guildId },
    );
    await recordAction(
      ctx,
      {
        guildId,
        ticketId: null,
        actorId: botUserId,
        action: "channel.orphan",
        detail: { channelId: channel.id, name: channel.name, memberId: participant.id },
      },
      `Channel <#${channel.id}> looks like a ticket channel, but no ticket is recorded for it (the bot may have stopped while opening it). It was left as is: read it, then delete it by hand if nobody needs it.`,
    );
    await ctx.settings.setMeta(key, ctx.clock.now().toISOString());
  }
}

/**
 * The ticket category and its overflow categories (`<name> 2`, `<name> 3`, … and
 * the default `Tickets N`), by id.
 */
export function ticketCategories(channels: readonly Channel[], categoryId: ChannelId): Set<string> {
  const result = new Set<string>();
  const main = channels.find((channel) => channel.id === categoryId && channel.kind === "category");
  if (main === undefined) return result;
  result.add(main.id);
  const base = main.name.toLowerCase();
  for (const channel of channels) {
    if (channel.kind !== "category") continue;
    const match = /^(.*) ([0-9]+)$/.exec(channel.name.toLowerCase());
    if (match === null) continue;
    const [, prefix] = match;
    if (prefix === base || prefix === "tickets") result.add(channel.id);
  }
  return result;
}
