/**
 * Many values of a query read as one text column instead of a row each: a row
 * costs about 6 microseconds to read through node:sqlite (an object with a
 * property per column), while the database joins the values with commas
 * (SQLite `group_concat`, PostgreSQL `string_agg`, MySQL `GROUP_CONCAT`) and
 * one split gives them back. Several such columns of one query list their
 * values in the same order, so the n-th values belong to the n-th row. For
 * values that hold no comma: numbers and ids.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { StoreScope } from "./scope.ts";

/** What packed queries run on. */
export type PackingExecutor = Kysely<Database> | Transaction<Database>;

/** The values of `value` over the rows, joined by commas, a null written as `none`. */
function joined(
  kind: StoreScope["kind"],
  value: RawBuilder<unknown>,
  none: "" | "null",
): RawBuilder<unknown> {
  const empty = sql.lit(none);
  if (kind === "postgres") return sql`string_agg(coalesce(cast(${value} as text), ${empty}), ',')`;
  if (kind === "mysql") {
    return sql`group_concat(coalesce(cast(${value} as char), ${empty}) separator ',')`;
  }
  return sql`group_concat(coalesce(${value}, ${empty}), ',')`;
}

/** The values of `value` over the rows, as text joined by commas (null as the empty string). */
export function packed(kind: StoreScope["kind"], value: RawBuilder<unknown>): RawBuilder<unknown> {
  return joined(kind, value, "");
}

/** Numbers `value` over the rows, as a JSON array's items (null as `null`): read back by `unpackNumbers`. */
export function packedNumbers(
  kind: StoreScope["kind"],
  value: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return joined(kind, value, "null");
}

const decoder = new TextDecoder();

/** A packed column as the driver handed it over (text, bytes, or nothing), as text. */
function packedText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return decoder.decode(value);
  return value === null || value === undefined ? "" : String(value);
}

/** A packed column's values, checked to be one per row counted. */
export function unpack(value: unknown, count: number, column: string): string[] {
  if (count === 0) return [];
  const values = packedText(value).split(",");
  if (values.length !== count) {
    throw new RangeError(`Cannot read the packed ${column}: ${values.length} values for ${count}`);
  }
  return values;
}

/**
 * A `packedNumbers` column's values, checked to be one per row counted. Read by
 * the JSON parser: ten times faster than splitting and parsing each, and it
 * leaves no string per value behind.
 */
export function unpackNumbers(value: unknown, count: number, column: string): (number | null)[] {
  if (count === 0) return [];
  let values: unknown;
  try {
    values = JSON.parse(`[${packedText(value)}]`);
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== count) {
    throw new RangeError(`Cannot read the packed ${column}: not ${count} numbers`);
  }
  return values as (number | null)[];
}

/** Runs `fn`'s packed queries where they are not cut short. */
export function withPacking<T>(
  scope: StoreScope,
  fn: (db: PackingExecutor) => Promise<T>,
): Promise<T> {
  const run = async (db: PackingExecutor) => {
    // MySQL cuts GROUP_CONCAT at 1 MB (MariaDB) or 1 kB (MySQL) by default.
    if (scope.kind === "mysql") {
      await sql`set session group_concat_max_len = 4294967295`.execute(db);
    }
    return fn(db);
  };
  // The session setting holds on one connection: run the queries on the one it was set on.
  return scope.kind !== "mysql" || scope.db.isTransaction
    ? run(scope.db)
    : scope.db.connection().execute(run);
}
