/**
 * Reconciliation after startup: one pass once the bot is ready, then one every
 * few minutes, never two at once, skipping guilds the bot has left. Each pass
 * then deletes what retention no longer keeps (see `runRetention`).
 */
import type { Logger } from "@logtape/logtape";
import type { UserId } from "../core/ids.ts";
import { runRetention } from "../core/privacy/retention_pass.ts";
import { reconcile, type ReconcileContext } from "../core/reconcile.ts";
import { hasLeftGuild } from "./left_guilds.ts";

/** Deletes what retention no longer keeps; one log line when it deleted something. */
async function retentionPass(context: ReconcileContext, log: Logger): Promise<void> {
  const summary = await runRetention({ ...context, log });
  if (summary.expiredTickets === 0 && summary.purgedGuilds === 0) return;
  log.info(
    "Retention: deleted the transcripts and archives of {tickets} tickets and every row of {guilds} guilds the bot left",
    { tickets: summary.expiredTickets, guilds: summary.purgedGuilds },
  );
}

/** Options of `createReconcileLoop`. */
export interface ReconcileLoopOptions {
  botUserId: UserId;
  log: Logger;
  /** Keeps a pass in the work `stop()` waits for. */
  track: (work: Promise<void>) => unknown;
  /** True once the app is stopping: no pass starts then. */
  stopped: () => boolean;
}

/** A reconcile loop: `pass()` runs one now, `every()` schedules them, `stop()` ends them. */
export interface ReconcileLoop {
  /** Starts a pass unless one is running or the app is stopping. */
  pass(): void;
  /** Runs a pass every `intervalMs` from now on. */
  every(intervalMs: number): void;
  /** Clears the schedule (a pass in progress is tracked and finishes). */
  stop(): void;
}

/** Creates the loop over the handlers' context. */
export function createReconcileLoop(
  context: ReconcileContext,
  options: ReconcileLoopOptions,
): ReconcileLoop {
  const { log } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | null = null;
  const pass = () => {
    if (options.stopped() || running !== null) return;
    running = reconcile(context, {
      botUserId: options.botUserId,
      skipGuild: (guildId) => hasLeftGuild(context.settings, guildId),
    })
      .then((summary) => log.debug("Reconciled: {summary}", { summary }))
      .catch((error: unknown) => log.error("Reconciliation failed: {error}", { error }))
      .then(() => retentionPass(context, log))
      .catch((error: unknown) => log.error("Retention pass failed: {error}", { error }))
      .finally(() => {
        running = null;
      });
    options.track(running);
  };
  return {
    pass,
    every(intervalMs) {
      clearInterval(timer);
      timer = setInterval(pass, intervalMs);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
