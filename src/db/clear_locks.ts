/** Releasing, at start, the database locks a stopped process left behind. */
import type { DatabaseHandle } from "./connect.ts";

/**
 * On SQLite, which one process uses at a time, every lock in the file was left by
 * a process that stopped (a crash, a kill): they are all released, so a close it
 * was running resumes at once. On PostgreSQL and MySQL other processes may hold
 * locks right now, so nothing is touched: a stopped holder's locks expire on their
 * own when it no longer renews them. Gives the number of locks released.
 */
export async function clearLocksOnStart(handle: DatabaseHandle): Promise<number> {
  if (handle.kind !== "sqlite") return 0;
  const result = await handle.db.deleteFrom("locks").executeTakeFirst();
  return Number(result.numDeletedRows);
}
