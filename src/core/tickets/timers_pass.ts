/**
 * One pass over the tickets' timers: every due step of an auto close, every
 * close request that timed out, then a batch of opener lookups. The app runs it
 * every minute in each process; the steps are taken by compare-and-set, so the
 * processes share the work without doing any of it twice.
 */
import type { HandlerContext } from "../context.ts";
import type { GuildId } from "../ids.ts";
import type { DueTimer } from "./timings.ts";
import { runAutoCloseStep } from "./auto_close.ts";
import { closeUnansweredRequest } from "./close_request.ts";
import { checkOpeners, type OpenerCheckOptions } from "./opener_left.ts";

/** What a pass did, in counts. */
export interface TimersSummary {
  warned: number;
  autoClosed: number;
  requestsClosed: number;
  openersLeft: number;
  failures: number;
}

/** Options of `runTimers`. */
export interface TimersOptions {
  /** At most this many due timers per pass (the rest wait for the next one). */
  limit?: number;
  /** The opener lookups; absent: none this pass. */
  openers?: OpenerCheckOptions;
  /** Guilds the bot left: their timers end without acting (their requests would only be refused). */
  skipGuild?: (guildId: GuildId) => Promise<boolean>;
}

/** Ends `timer` without acting on it. */
async function endTimer(ctx: HandlerContext, timer: DueTimer): Promise<void> {
  if (timer.kind === "auto_close") {
    await ctx.timers.advanceAutoClose(timer.ticketId, timer, null);
  } else {
    await ctx.timers.endCloseRequest(timer.ticketId, timer.seq);
  }
}

/** Runs every timer due at `ctx.clock.now()`. */
export async function runTimers(
  ctx: HandlerContext,
  options: TimersOptions = {},
): Promise<TimersSummary> {
  const summary: TimersSummary = {
    warned: 0,
    autoClosed: 0,
    requestsClosed: 0,
    openersLeft: 0,
    failures: 0,
  };
  for (const timer of await ctx.timers.due(ctx.clock.now(), options.limit ?? 100)) {
    try {
      const ticket = await ctx.tickets.get(timer.ticketId);
      if (ticket === null || ticket.status !== "open") continue;
      if (await options.skipGuild?.(ticket.guildId)) {
        await endTimer(ctx, timer);
        continue;
      }
      if (timer.kind === "auto_close") {
        const outcome = await runAutoCloseStep(ticket, timer, ctx);
        if (outcome === "warned") summary.warned++;
        if (outcome === "closed") summary.autoClosed++;
        if (outcome === "failed") summary.failures++;
      } else {
        const outcome = await closeUnansweredRequest(ticket, timer, ctx);
        if (outcome === "closed") summary.requestsClosed++;
        if (outcome === "failed") summary.failures++;
      }
    } catch (error) {
      summary.failures++;
      ctx.log.error("Timer {kind} of ticket {ticketId} failed: {error}", {
        kind: timer.kind,
        ticketId: timer.ticketId,
        error,
      });
    }
  }
  if (options.openers !== undefined) {
    try {
      summary.openersLeft = await checkOpeners(ctx, options.openers);
    } catch (error) {
      summary.failures++;
      ctx.log.error("Looking up the openers of open tickets failed: {error}", { error });
    }
  }
  return summary;
}
