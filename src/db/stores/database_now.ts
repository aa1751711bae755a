/**
 * The database's own time in milliseconds since the epoch, as an SQL expression,
 * so leases compare against one clock every process shares instead of each
 * machine's own.
 */
import { type RawBuilder, sql } from "kysely";
import type { SharedClock } from "../../core/ports.ts";
import type { DatabaseTarget } from "../target.ts";
import type { StoreScope } from "./scope.ts";

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

/** The database server's clock, read with one query per `now()`. */
export function databaseClock(scope: Pick<StoreScope, "db" | "kind">): SharedClock {
  return {
    async now() {
      const { rows } = await sql<{ now: number | string }>`select ${
        databaseNowMs(scope.kind)
      } as now`.execute(scope.db);
      const value = rows[0]?.now;
      if (value === undefined) throw new Error("Cannot read the database's time: no row came back");
      return new Date(Number(value));
    },
  };
}
