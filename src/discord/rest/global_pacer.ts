/**
 * Keeps the bot under Discord's global limit (50 requests per second) instead
 * of running into it: discordeno only reacts to a global 429, and a burst of
 * work (many tickets opened at once) then sends a herd of requests that all get
 * 429 together. Requests wait here until the sliding window has room: a person's
 * requests first, then background ones, each first come first served.
 *
 * Within the window requests are spread evenly (one every `windowMs / limit`, a
 * few at once after a quiet spell), not sent as one burst per window: a burst's
 * requests reach Discord bunched with the next window's when the machine is busy,
 * and 45 sent in one second then arrive as more than 50 in another.
 * Interaction endpoints are not bound to the global limit and never wait.
 */
import type { RequestPriority } from "./request_priority.ts";

/** Options of `createGlobalPacer`. */
export interface GlobalPacerOptions {
  /** Requests allowed per window (default 45: Discord's 50 less room for jitter). */
  limit?: number;
  /** The window in milliseconds (default 1,000). */
  windowMs?: number;
  /** Requests that may go at once after a quiet spell (default 3); the rest are spaced. */
  burst?: number;
  /** The clock, in milliseconds (default `performance.now`). */
  now?: () => number;
}

/** A sliding-window pacer for the global limit. */
export interface GlobalPacer {
  /**
   * Resolves when one more request may be sent now (and counts it); `person`
   * requests (the default) go before `background` ones that wait with them.
   */
  acquire(priority?: RequestPriority): Promise<void>;
  /** Stops pacing: the timer ends and waiting requests go ahead (the app is shutting down). */
  close(): void;
}

/** True for the routes Discord exempts from the global limit (interaction callbacks and tokens). */
export function isInteractionRoute(route: string): boolean {
  return route.startsWith("/interactions/") || route.startsWith("/webhooks/");
}

/** A pacer allowing `limit` requests in any `windowMs`. */
export function createGlobalPacer(options: GlobalPacerOptions = {}): GlobalPacer {
  const limit = options.limit ?? 45;
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Cannot pace requests: limit ${limit} is not a positive integer`);
  }
  const burst = Math.max(1, options.burst ?? 3);
  const spacing = windowMs / limit;
  const sent: number[] = [];
  /** When the next spaced request may go. */
  let nextAt = Number.NEGATIVE_INFINITY;
  const waiting: Record<RequestPriority, Array<() => void>> = { person: [], background: [] };
  const waitingCount = () => waiting.person.length + waiting.background.length;
  const next = () => waiting.person.shift() ?? waiting.background.shift();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const release = () => {
    timer = undefined;
    if (closed) return;
    const at = now();
    while (sent.length > 0 && (sent[0] ?? 0) <= at - windowMs) sent.shift();
    nextAt = Math.max(nextAt, at - spacing * (burst - 1));
    while (waitingCount() > 0 && sent.length < limit && nextAt <= at) {
      sent.push(at);
      nextAt += spacing;
      next()?.();
    }
    if (waitingCount() > 0) {
      const windowFree = sent.length >= limit ? (sent[0] ?? at) + windowMs - at : 0;
      timer = setTimeout(release, Math.max(1, windowFree, nextAt - at));
    }
  };

  return {
    acquire(priority = "person") {
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiting[priority].push(resolve);
        if (timer === undefined) release();
      });
    },
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      for (const resolve of [...waiting.person.splice(0), ...waiting.background.splice(0)]) {
        resolve();
      }
    },
  };
}
