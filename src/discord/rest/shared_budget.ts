/**
 * Discord's global limit (50 requests a second per bot) shared by every process
 * on one PostgreSQL or MySQL/MariaDB database: each request takes a point from a
 * budget kept in the database by rate-limiter-flexible, so N processes together
 * stay under the limit instead of each sending its own 45 a second.
 *
 * rate-limiter-flexible counts in fixed windows, and two full windows can meet at
 * a boundary. The budget is therefore cut into short windows: 8 requests per
 * 200 ms lets at most 6 windows touch any one second (48 requests), and keeps a
 * steady 40 a second. When the database cannot be reached, requests fall back on
 * this process's own pacer (and Discord's 429 handling) rather than wait on it.
 */
import type { Logger } from "@logtape/logtape";
import { RateLimiterMySQL, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { DatabaseTarget } from "../../db/target.ts";
import { createGlobalPacer, type GlobalPacer } from "./global_pacer.ts";

/** Points per window, and the window: at most 48 requests in any second. */
export const SHARED_POINTS = 8;
export const SHARED_WINDOW_MS = 200;
/** The one key every process counts under. */
const BUDGET_KEY = "discord_global";

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
  let limiter: Limiter;
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
    limiter = new RateLimiterPostgres({ ...common, storeClient: pool });
    end = () => pool.end();
  } else {
    const { createPool } = await import("mysql2");
    const url = new URL(target.url);
    const pool = createPool({ uri: target.url, connectionLimit: 2 });
    limiter = new RateLimiterMySQL({
      ...common,
      storeClient: pool,
      storeType: "pool",
      dbName: decodeURIComponent(url.pathname.replace(/^\//, "")),
    });
    end = () => new Promise<void>((resolve) => pool.end(() => resolve()));
  }
  return sharedBudgetOver(limiter, { ...options, end });
}

/** The budget logic over any limiter (tests use it with a failing one). */
export function sharedBudgetOver(
  limiter: Limiter,
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
  return {
    async acquire() {
      while (!closed) {
        try {
          await limiter.consume(BUDGET_KEY, 1);
          warned = false;
          return;
        } catch (error) {
          if (!(error instanceof RateLimiterRes)) {
            if (!warned) {
              options.log.warn(
                "The shared request budget is unreachable; pacing this process alone: {error}",
                { error },
              );
              warned = true;
            }
            return await fallback.acquire();
          }
          // Spread the waiters over the next window rather than wake them all at once.
          await wait(error.msBeforeNext + Math.floor(Math.random() * 20));
        }
      }
    },
    close() {
      closed = true;
      fallback.close();
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
