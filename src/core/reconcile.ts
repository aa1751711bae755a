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
import type { GuildId } from "./ids.ts";
import { isDiscordFailure } from "./discord_failure.ts";
import type { Ticket } from "./model.ts";
import type { ReconcileContext, ReconcileOptions, ReconcileSummary } from "./reconcile_summary.ts";
import { checkOpenTicket, resumeClose } from "./reconcile_tickets.ts";
import { findOrphanChannels } from "./reconcile_orphans.ts";

export type { ReconcileContext, ReconcileOptions, ReconcileSummary } from "./reconcile_summary.ts";
export { CHANNEL_DELETED_REASON } from "./reconcile_tickets.ts";

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

  // One listing of a guild's channels answers for all its open tickets, instead of
  // one request per ticket; a listing that fails leaves each ticket to its own look-up.
  const listings = new Map<GuildId, Promise<Set<string> | null>>();
  const listed = async (ticket: Ticket): Promise<boolean> => {
    let listing = listings.get(ticket.guildId);
    if (listing === undefined) {
      listing = ctx.discord.guildChannels(ticket.guildId)
        .then((channels) => new Set<string>(channels.map((c) => c.id)))
        .catch(() => null);
      listings.set(ticket.guildId, listing);
    }
    return ticket.channelId !== null && ((await listing)?.has(ticket.channelId) ?? false);
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
        await checkOpenTicket(handlerCtx, ticket, options.botUserId, graceMs, summary, listed);
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
