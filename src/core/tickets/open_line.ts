/**
 * The line opens wait in after their defer: a few at a time, in the order they
 * came, until each first asks Discord for something (its channel, mostly). In a
 * burst (200 members clicking at once) every open's database work otherwise
 * interleaves with everyone else's, each query queued behind the others', so
 * the first channel is asked for only once nearly all of that work is done, and
 * the global budget's slots (one every 22 ms) start late for everyone. In line,
 * the first opens do their work at once and take the first slots while the later
 * ones do theirs. An open leaves the line when it asks Discord, not when it ends:
 * waiting in line for its slot would hold the others' work back, and their
 * channels would then queue behind the welcome messages of the opens before them.
 */
import type { DiscordPort } from "../discord_port.ts";

/** Opens the line lets through at once. */
export const OPENS_AT_ONCE = 32;

/** Connections of a pool the line leaves to first answers (the lookups before a defer). */
const KEPT_FOR_FIRST_ANSWERS = 2;

/**
 * Opens let through at once on a database that runs `connections` queries at once.
 * On a pool, opens in line would otherwise take every connection, and each member's
 * first answer (which waits on a lookup: a form or a defer) would queue behind their
 * work: 200 opens on PostgreSQL's 10 connections gave a first answer p99 of 190 ms
 * with 32 at once, 120-135 ms with 8. On SQLite's one connection every query waits
 * its turn anyway.
 */
export function opensAtOnce(connections: number): number {
  if (connections <= 1) return OPENS_AT_ONCE;
  return Math.min(OPENS_AT_ONCE, Math.max(1, connections - KEPT_FOR_FIRST_ANSWERS));
}

/** Runs work a few at a time, first come first served. */
export interface OpenLine {
  /**
   * Runs `work` when its turn comes; the turn ends when `work` calls `leave`
   * (harmless twice) or settles.
   */
  run<T>(work: (leave: () => void) => Promise<T>): Promise<T>;
  /**
   * Resolves once every open in line now (waiting or running) has left it; later
   * ones are not waited for. A welcome message waits for it, so that in a burst the
   * channels of everyone in line are asked for before it.
   */
  cleared(): Promise<void>;
}

/** A line letting `limit` pieces of work run at once. */
export function createOpenLine(limit = OPENS_AT_ONCE): OpenLine {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Cannot make an open line: limit ${limit} is not a positive integer`);
  }
  let running = 0;
  const waiting: Array<() => void> = [];
  // Each open's place number while it is in line, and who waits for the line to clear.
  let entered = 0;
  const inLine = new Set<number>();
  let watchers: Array<{ upTo: number; resolve: () => void }> = [];
  const wakeWatchers = () => {
    if (watchers.length === 0) return;
    let first = entered;
    for (const place of inLine) first = Math.min(first, place);
    const due = watchers.filter((w) => w.upTo <= first);
    watchers = watchers.filter((w) => w.upTo > first);
    for (const watcher of due) watcher.resolve();
  };
  return {
    async run(work) {
      const place = entered++;
      inLine.add(place);
      if (running < limit) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        inLine.delete(place);
        // The turn passes straight to the next in line, or frees a place.
        const next = waiting.shift();
        if (next !== undefined) next();
        else running--;
        wakeWatchers();
      };
      try {
        return await work(leave);
      } finally {
        leave();
      }
    },
    cleared() {
      if (inLine.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        watchers.push({ upTo: entered, resolve });
      });
    },
  };
}

/** `discord` calling `leave` before each of its requests: an open leaves the line as it asks. */
export function leavingOnRequest(discord: DiscordPort, leave: () => void): DiscordPort {
  return new Proxy(discord, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        leave();
        return value.apply(target, args);
      };
    },
  });
}
