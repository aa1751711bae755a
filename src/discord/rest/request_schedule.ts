/**
 * The database side of the shared request budget: an evenly spaced schedule
 * (a leaky bucket kept by virtual scheduling, GCRA) in one row of
 * `request_schedule`. The row holds the next free slot; a request takes
 * `slot = max(next_slot, now)`, moves `next_slot` to `slot + interval` and waits
 * until its slot. `now` is the database's own clock, read in the same
 * transaction that locks the row (SELECT ... FOR UPDATE, which PostgreSQL and
 * MySQL/MariaDB both have), so the machines' clocks never matter and every
 * process on the database together sends one request per interval.
 *
 * A clock read before the lock was granted is only earlier than the truth, which
 * makes a request wait longer, never go early.
 */
import type { DatabaseTarget } from "../../db/target.ts";
import type { RequestPriority } from "./request_priority.ts";

/** Requests a second the schedule lets through (Discord allows 50: the rest absorbs jitter). */
export const SCHEDULE_RATE = 45;
/** The spacing of the slots in microseconds: one second over `SCHEDULE_RATE`, rounded up. */
export const SLOT_INTERVAL_US = Math.ceil(1_000_000 / SCHEDULE_RATE);
/**
 * A next slot further ahead than this is taken for a clock set back (or a row
 * written by mistake) and starts again from now: no queue of people is that long.
 */
export const MAX_AHEAD_US = 120_000_000;
/** The name of the row every process shares for Discord's global limit. */
export const GLOBAL_SCHEDULE = "discord_global";

/**
 * What asking for a slot gave: `slot` (wait `waitMs`, then send), or `busy` (a
 * background request while people's requests fill the schedule: ask again in
 * `retryMs`).
 */
export type Taken =
  | { kind: "slot"; slotUs: number; nowUs: number; waitMs: number }
  | { kind: "busy"; retryMs: number };

/** A schedule to take slots from. */
export interface Schedule {
  /** Takes the next slot for `priority`; rejects when the database cannot be reached. */
  take(priority: RequestPriority): Promise<Taken>;
  /** Ends its database connections. */
  end(): Promise<void>;
}

/**
 * The decision made under the row's lock: what the request gets, and the new
 * `next_slot` to write (null: leave the row as it is). Background requests take
 * a slot only while the schedule is nearly idle (`next_slot` at most one interval
 * ahead), so requests people wait on, from any process, go first.
 */
export function decideSlot(
  row: { nextSlotUs: number; nowUs: number },
  priority: RequestPriority,
): { taken: Taken; nextSlotUs: number | null } {
  const { nowUs } = row;
  const next = row.nextSlotUs > nowUs + MAX_AHEAD_US ? nowUs : row.nextSlotUs;
  if (priority === "background" && next > nowUs + SLOT_INTERVAL_US) {
    const retryMs = Math.max(1, Math.ceil((next - nowUs - SLOT_INTERVAL_US) / 1000));
    return { taken: { kind: "busy", retryMs }, nextSlotUs: null };
  }
  const slotUs = Math.max(next, nowUs);
  return {
    taken: { kind: "slot", slotUs, nowUs, waitMs: (slotUs - nowUs) / 1000 },
    nextSlotUs: slotUs + SLOT_INTERVAL_US,
  };
}

/** Options of `createDatabaseSchedule`. */
export interface DatabaseScheduleOptions {
  /** PostgreSQL schema the table lives in (tests isolate themselves in one). */
  postgresSchema?: string;
  /** Connections of its own (default 2). */
  connections?: number;
  /** Gives up connecting or on one statement after this long (default 2,000 ms). */
  timeoutMs?: number;
  /** The row (default `GLOBAL_SCHEDULE`). */
  name?: string;
  /** Told when an idle connection fails (the next take reconnects). */
  onIdleError?: (error: Error) => void;
}

/** One locked round trip of the schedule: the row and the database's clock, then the write. */
interface Locked {
  read(name: string): Promise<{ nextSlotUs: number; nowUs: number } | null>;
  write(name: string, nextSlotUs: number): Promise<void>;
}

/** Runs `decideSlot` on the row named `name` inside one transaction of `locked`. */
async function takeLocked(
  locked: Locked,
  name: string,
  priority: RequestPriority,
): Promise<Taken> {
  const row = await locked.read(name);
  if (row === null) {
    throw new Error(`Cannot take a request slot: row "${name}" of request_schedule is missing`);
  }
  const decision = decideSlot(row, priority);
  if (decision.nextSlotUs !== null) await locked.write(name, decision.nextSlotUs);
  return decision.taken;
}

/** The schedule in `target`'s `request_schedule` table (migrated), on connections of its own. */
export async function createDatabaseSchedule(
  target: Exclude<DatabaseTarget, { kind: "sqlite" }>,
  options: DatabaseScheduleOptions = {},
): Promise<Schedule> {
  const connections = options.connections ?? 2;
  const timeoutMs = options.timeoutMs ?? 2000;
  const name = options.name ?? GLOBAL_SCHEDULE;
  if (target.kind === "postgres") {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({
      connectionString: target.url,
      max: connections,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      ...(options.postgresSchema === undefined
        ? {}
        : { options: `-c search_path=${options.postgresSchema}` }),
    });
    pool.on("error", (error: Error) => options.onIdleError?.(error));
    return {
      async take(priority) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query("BEGIN");
          const taken = await takeLocked(
            {
              async read(row) {
                const result = await client.query(
                  "SELECT next_slot, " +
                    "(extract(epoch from clock_timestamp()) * 1000000)::bigint AS now_us " +
                    "FROM request_schedule WHERE name = $1 FOR UPDATE",
                  [row],
                );
                const found = (result.rows as Array<{ next_slot: string; now_us: string }>)[0];
                return found === undefined
                  ? null
                  : { nextSlotUs: Number(found.next_slot), nowUs: Number(found.now_us) };
              },
              async write(row, nextSlotUs) {
                await client.query("UPDATE request_schedule SET next_slot = $1 WHERE name = $2", [
                  nextSlotUs,
                  row,
                ]);
              },
            },
            name,
            priority,
          );
          await client.query("COMMIT");
          return taken;
        } catch (error) {
          broken = error instanceof Error ? error : new Error(String(error));
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          // A connection that failed mid-transaction is not given back to the pool.
          client.release(broken);
        }
      },
      end: () => pool.end(),
    };
  }
  // The package is CommonJS: its exports are the default export's (the bundle has no others).
  const { default: mysql } = await import("mysql2");
  const pool = mysql.createPool({
    uri: target.url,
    connectionLimit: connections,
    connectTimeout: timeoutMs,
  });
  pool.on("connection", (connection) => {
    connection.on("error", (error: Error) => options.onIdleError?.(error));
  });
  const promisePool = pool.promise();
  return {
    async take(priority) {
      const connection = await promisePool.getConnection();
      let broken = false;
      try {
        await connection.query({ sql: "START TRANSACTION", timeout: timeoutMs });
        const taken = await takeLocked(
          {
            async read(row) {
              // UTC_TIMESTAMP counted from the epoch: no time zone (and no DST fold) involved.
              const [rows] = await connection.query({
                sql: "SELECT next_slot, " +
                  "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) AS now_us " +
                  "FROM request_schedule WHERE name = ? FOR UPDATE",
                values: [row],
                timeout: timeoutMs,
              });
              const found =
                (rows as Array<{ next_slot: number | string; now_us: number | string }>)[0];
              return found === undefined
                ? null
                : { nextSlotUs: Number(found.next_slot), nowUs: Number(found.now_us) };
            },
            async write(row, nextSlotUs) {
              await connection.query({
                sql: "UPDATE request_schedule SET next_slot = ? WHERE name = ?",
                values: [nextSlotUs, row],
                timeout: timeoutMs,
              });
            },
          },
          name,
          priority,
        );
        await connection.query({ sql: "COMMIT", timeout: timeoutMs });
        return taken;
      } catch (error) {
        broken = true;
        await connection.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        // A connection that failed mid-transaction is not given back to the pool.
        if (broken) connection.destroy();
        else connection.release();
      }
    },
    end: () => promisePool.end(),
  };
}
