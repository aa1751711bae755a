/**
 * The database's own time in milliseconds since the epoch, as an SQL expression,
 * so leases compare against one clock every process shares instead of each
 * machine's own.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DatabaseTarget } from "../target.ts";
import type { Database } from "../schema.ts";

/** The database server's current time in epoch milliseconds, evaluated in the statement. */
export function databaseNowMs(kind: DatabaseTarget["kind"]): RawBuilder<number> {
  if (kind === "postgres") {
    // clock_timestamp(), not now(): now() stands still for a whole transaction.
    return sql<number>`floor(extract(epoch from clock_timestamp()) * 1000)::bigint`;
  }
  if (kind === "mysql") {
    // UTC_TIMESTAMP does not depend on the session's time zone.
    return sql<
      number
    >`(timestampdiff(microsecond, '1970-01-01 00:00:00', utc_timestamp(6)) div 1000)`;
  }
  // julianday('now') has millisecond precision on every SQLite version node:sqlite ships.
  return sql<number>`cast(round((julianday('now') - 2440587.5) * 86400000) as integer)`;
}

/** The database server's current time, read in one statement. */
export async function readDatabaseNow(
  db: Kysely<Database>,
  kind: DatabaseTarget["kind"],
): Promise<Date> {
  const result = await sql<{ ms: number | string }>`select ${databaseNowMs(kind)} as ms`
    .execute(db);
  const ms = Number(result.rows[0]?.ms);
  if (!Number.isFinite(ms)) throw new Error("Cannot read the database's clock: it gave no time");
  return new Date(ms);
}
