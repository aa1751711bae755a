/**
 * Everything a handler touches, passed in: the stores, Discord, the clock, ids, a
 * logger, and the interaction's own `defer`. No module state, so a test builds one
 * with in-memory SQLite stores and a recording Discord port.
 */
import type { Logger } from "@logtape/logtape";
import type { Clock, IdSource, Stores } from "./ports.ts";
import type { DiscordPort } from "./discord_port.ts";
import type { LogPoster } from "./log_posts.ts";
import type { OpenLine } from "./tickets/open_line.ts";

/** The stores (`ctx.tickets`, `ctx.audit`, ..., `ctx.atomically`) and the other ports. */
export interface HandlerContext extends Stores {
  discord: DiscordPort;
  clock: Clock;
  /** Fresh ids (error ids of apologies). */
  ids: IdSource;
  log: Logger;
  /** Posts to log channels, merging the lines of a burst (posted one by one without it). */
  logPosts?: LogPoster;
  /** The line opens wait in after their defer, a few at a time (all at once without it). */
  openLine?: OpenLine;
  /** True when an assistant relay is configured (`RELAY_URL`): answers mention its state. */
  assistant?: boolean;
  /** `PUBLIC_URL` when the web pages are on: summaries then link the transcript page. */
  publicUrl?: string | null;
  /**
   * Acknowledges the interaction now (Discord's 3-second deadline); the handler's
   * returned reply then becomes an edit of that answer. `ephemeral` is fixed here.
   * Calling it twice is harmless. Never call it before returning a modal.
   */
  defer(options: { ephemeral: boolean }): Promise<void>;
}

/** A handler: plain async function from input to reply. */
export type Handler<I> = (
  input: I,
  ctx: HandlerContext,
) => Promise<import("./reply.ts").Reply>;
