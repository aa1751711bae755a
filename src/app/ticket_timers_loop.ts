/**
 * The tickets' timers, run every minute in every process: auto close warnings and
 * closes, close requests that timed out, and the opener lookups. "Now" is the
 * database's clock (read once per pass, then advanced by this process's monotonic
 * clock), so processes whose own clocks disagree still agree on what is due; the
 * steps themselves are compare-and-set, so no two processes take the same one.
 */
import type { Logger } from "@logtape/logtape";
import type { HandlerContext } from "../core/context.ts";
import type { Clock } from "../core/ports.ts";
import { runTimers, type TimersSummary } from "../core/tickets/timers_pass.ts";
import { hasLeftGuild } from "./left_guilds.ts";

const HOUR_MS = 3_600_000;

/** Options of `createTicketTimersLoop`. */
export interface TicketTimersLoopOptions {
  log: Logger;
  /** The clock of a pass: `passClock()` over the database's clock (or a test's own). */
  clock: () => Promise<Clock>;
  /**
   * True when the gateway reports members leaving (Server Members intent): the
   * lookups then only catch what it missed while the bot was away.
   */
  membersIntent: boolean;
  /** Keeps a pass in the work `stop()` waits for. */
  track: (work: Promise<unknown>) => unknown;
  /** True once the app is stopping: no pass starts then. */
  stopped: () => boolean;
}

/** The loop: `pass()` runs one now, `every()` schedules them, `stop()` ends them. */
export interface TicketTimersLoop {
  /** Runs a pass unless one is running or the app is stopping (null then). */
  pass(): Promise<TimersSummary | null>;
  every(intervalMs: number): void;
  stop(): void;
}

/**
 * The database's clock for one pass: its time read now, then advanced by this
 * process's monotonic clock.
 */
export async function passClock(read: () => Promise<Date>): Promise<Clock> {
  const start = await read();
  const began = performance.now();
  return { now: () => new Date(start.getTime() + Math.round(performance.now() - began)) };
}

/** Creates the loop over the handlers' context. */
export function createTicketTimersLoop(
  context: Omit<HandlerContext, "defer" | "clock">,
  options: TicketTimersLoopOptions,
): TicketTimersLoop {
  const { log } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<TimersSummary | null> | null = null;
  const skipGuild = (guildId: string) => hasLeftGuild(context.settings, guildId);
  const openers = { everyMs: (options.membersIntent ? 24 : 6) * HOUR_MS, limit: 50, skipGuild };
  const once = async (): Promise<TimersSummary | null> => {
    const ctx: HandlerContext = {
      ...context,
      clock: await options.clock(),
      defer: () => Promise.resolve(),
    };
    const summary = await runTimers(ctx, { openers, skipGuild });
    log.debug("Ticket timers: {summary}", { summary });
    return summary;
  };
  const pass = () => {
    if (options.stopped()) return Promise.resolve(null);
    if (running !== null) return running;
    const current = once()
      .catch((error: unknown) => {
        log.error("The ticket timers' pass failed: {error}", { error });
        return null;
      })
      .finally(() => {
        running = null;
      });
    running = current;
    options.track(current);
    return current;
  };
  return {
    pass,
    every(intervalMs) {
      clearInterval(timer);
      timer = setInterval(() => void pass(), intervalMs);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
