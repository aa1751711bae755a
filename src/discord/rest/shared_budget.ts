/**
 * Discord's global limit (50 requests a second per bot) shared by every process
 * on one PostgreSQL or MySQL/MariaDB database: each request takes a point from a
 * budget kept in the database by rate-limiter-flexible, so N processes together
 * stay under the limit instead of each sending its own 45 a second.
 *
 * rate-limiter-flexible counts in fixed windows, and two full windows can meet at
 * a boundary. The budget is therefore cut into short windows: 4 requests per
 * 100 ms lets at most 11 windows touch any one second (44 requests), and keeps a
 * steady 40 a second; the rest of Discord's 50 absorbs the time between taking a
 * point and the request reaching Discord, which bunches a window's requests with
 * the next one's (measured: 8 per 200 ms let 56 arrive within one second). When the database cannot be reached, requests fall back on
 * this process's own pacer (and Discord's 429 handling) rather than wait on it.
 *
 * Background requests also take a point from a second, smaller budget (3 of the
 * 4 per window), so every window keeps room for requests a person waits on,
 * whichever process sends them; inside one process a person's request goes first.
 *
 * Inside one process only a few requests (one window's points) ask the database
 * at a time; the others wait their turn here, first come first served. Otherwise
 * every waiting request would ask again each window, a burst of 200 would send
 * thousands of queries through the budget's two connections, and whoever asked
 * last might be served first.
 */
import type { Logger } from "@logtape/logtape";
import { RateLimiterMySQL, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { DatabaseTarget } from "../../db/target.ts";
import { createGlobalPacer, type GlobalPacer } from "./global_pacer.ts";
import type { RequestPriority } from "./request_priority.ts";

/** Points per window, and the window: at most 44 requests taken in any second. */
export const SHARED_POINTS = 4;
/** The budget's window in milliseconds. */
export const SHARED_WINDOW_MS = 100;
/** Points per window background requests may take: the rest is kept for people. */
export const BACKGROUND_POINTS = 3;
/** The one key every process counts under. */
const BUDGET_KEY = "discord_global";
/** The key background requests also count under. */
const BACKGROUND_KEY = "discord_background";

/** Options of `createSharedBudget`. */
export interface SharedBudgetOptions {
  /** PostgreSQL schema the tables live in (tests isolate themselves in one). */
  postgresSchema?: string;
  log: Logger;
}

/** A request budget kept in the database; `close()` also ends its connection pool. */
export interface SharedBudget extends GlobalPacer {
  /** Ends the budget's own database connections. */
  end(): Promise<void>;
}

interface Limiter {
  consume(key: string, points?: number): Promise<unknown>;
}

/** The budget every request takes from, and the smaller one background requests also take from. */
export interface BudgetLimiters {
  all: Limiter;
  background: Limiter;
}

/** A budget shared through `target`, a PostgreSQL or MySQL/MariaDB database already migrated. */
export async function createSharedBudget(
  target: Exclude<DatabaseTarget, { kind: "sqlite" }>,
  options: SharedBudgetOptions,
): Promise<SharedBudget> {
  const common = {
    points: SHARED_POINTS,
    duration: SHARED_WINDOW_MS / 1000,
    tableName: "request_budget",
    tableCreated: true,
    keyPrefix: "ticketeer",
    clearExpiredByTimeout: false,
  };
  let limiters: BudgetLimiters;
  let end: () => Promise<void>;
  if (target.kind === "postgres") {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 2,
      ...(options.postgresSchema === undefined
        ? {}
        : { options: `-c search_path=${options.postgresSchema}` }),
    });
    pool.on("error", (error: Error) => {
      options.log.warn("An idle request-budget connection failed: {reason}", {
        reason: error.message,
      });
    });
    limiters = {
      all: new RateLimiterPostgres({ ...common, storeClient: pool }),
      background: new RateLimiterPostgres({
        ...common,
        points: BACKGROUND_POINTS,
        storeClient: pool,
      }),
    };
    end = () => pool.end();
  } else {
    const { createPool } = await import("mysql2");
    const url = new URL(target.url);
    const pool = createPool({ uri: target.url, connectionLimit: 2 });
    const mysql = {
      ...common,
      storeClient: pool,
      storeType: "pool",
      dbName: decodeURIComponent(url.pathname.replace(/^\//, "")),
    };
    limiters = {
      all: new RateLimiterMySQL(mysql),
      background: new RateLimiterMySQL({ ...mysql, points: BACKGROUND_POINTS }),
    };
    end = () => new Promise<void>((resolve) => pool.end(() => resolve()));
  }
  return sharedBudgetOver(limiters, { ...options, end });
}

/** The budget logic over any limiters (tests use in-memory or failing ones). */
export function sharedBudgetOver(
  limiters: BudgetLimiters,
  options: { log: Logger; end?: () => Promise<void> },
): SharedBudget {
  const fallback = createGlobalPacer();
  let closed = false;
  let warned = false;
  const sleeping = new Map<ReturnType<typeof setTimeout>, () => void>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      const timer = setTimeout(() => {
        sleeping.delete(timer);
        resolve();
      }, ms);
      sleeping.set(timer, resolve);
    });
  let people = 0;
  const peopleGone: Array<() => void> = [];
  // The turns of this process's requests at the database: SHARED_POINTS at a time.
  let asking = 0;
  const turns: Record<RequestPriority, Array<() => void>> = { person: [], background: [] };
  const turn = (priority: RequestPriority): Promise<void> => {
    if (closed || asking < SHARED_POINTS) {
      asking++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => turns[priority].push(resolve));
  };
  const endTurn = () => {
    const next = turns.person.shift() ?? turns.background.shift();
    if (next !== undefined) next();
    else asking--;
  };
  /** Takes one point of `limiter`, waiting for its next window while it has none. */
  const take = async (
    limiter: Limiter,
    priority: RequestPriority,
  ): Promise<"taken" | "fallback"> => {
    while (!closed) {
      try {
        await limiter.consume(limiter === limiters.all ? BUDGET_KEY : BACKGROUND_KEY, 1);
        warned = false;
        return "taken";
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) {
          if (!warned) {
            options.log.warn(
              "The shared request budget is unreachable; pacing this process alone: {error}",
              { error },
            );
            warned = true;
          }
          await fallback.acquire(priority);
          return "fallback";
        }
        // Spread the waiters over the next window rather than wake them all at once.
        await wait(error.msBeforeNext + Math.floor(Math.random() * 20));
      }
    }
    return "taken";
  };
  return {
    async acquire(priority: RequestPriority = "person") {
      if (priority === "person") {
        people++;
        try {
          await turn("person");
          try {
            await take(limiters.all, "person");
          } finally {
            endTurn();
          }
          return;
        } finally {
          people--;
          if (people === 0) { for (const wake of peopleGone.splice(0)) wake(); }
        }
      }
      // A person's request in this process goes first; then a background point, then a
      // point of the whole budget.
      while (people > 0 && !closed) {
        await new Promise<void>((resolve) => peopleGone.push(resolve));
      }
      await turn("background");
      try {
        if (await take(limiters.background, "background") === "fallback") return;
        await take(limiters.all, "background");
      } finally {
        endTurn();
      }
    },
    close() {
      closed = true;
      for (const next of [...turns.person.splice(0), ...turns.background.splice(0)]) next();
      fallback.close();
      for (const wake of peopleGone.splice(0)) wake();
      // Waiting requests go ahead: the process is shutting down.
      for (const [timer, resolve] of sleeping) {
        clearTimeout(timer);
        resolve();
      }
      sleeping.clear();
    },
    async end() {
      this.close();
      await options.end?.();
    },
  };
}
