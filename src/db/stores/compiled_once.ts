/**
 * A query built and compiled once, then run with new values: for the queries
 * every gateway message runs. Building a Kysely query and compiling it to SQL
 * cost 25 to 45 us each under the shipped runtime flags (no optimizing
 * compiler), more than SQLite takes to run the statement.
 *
 * `build` gets a marker in place of each value and must only hand them to
 * Kysely (`where`, `set`, `values`), never look at them or compute with them:
 * its shape must not depend on the values. The first run checks that every
 * marker reached the query's parameters and none its SQL text, and fails with
 * a clear message otherwise. Each store keeps its compiled queries, so a
 * transaction's stores compile theirs again.
 */
import type { Compilable, CompiledQuery, QueryResult } from "kysely";
import type { StoreScope } from "./scope.ts";

/** A compiled query run on `scope.db` with `values` in place of the markers. */
export type CompiledOnce<P extends readonly unknown[], R> = (
  ...values: P
) => Promise<QueryResult<R>>;

const MARKER = "\u0000value ";

/** Compiles `build` the first time the query runs; its parameter count is `build.length`. */
export function compiledOnce<P extends readonly unknown[], R>(
  scope: Pick<StoreScope, "db">,
  build: (...values: P) => Compilable<R>,
): CompiledOnce<P, R> {
  let compiled: { query: CompiledQuery<R>; slots: number[] } | null = null;
  return async (...values) => {
    compiled ??= compile(build);
    const { query, slots } = compiled;
    const parameters = query.parameters.map((fixed, i) => {
      const slot = slots[i]!;
      return slot < 0 ? fixed : values[slot];
    });
    return await scope.db.executeQuery<R>({ ...query, parameters });
  };
}

function compile<P extends readonly unknown[], R>(
  build: (...values: P) => Compilable<R>,
): { query: CompiledQuery<R>; slots: number[] } {
  const markers = Array.from({ length: build.length }, (_, i) => `${MARKER}${i}`);
  const query = build(...(markers as unknown as P)).compile();
  const slots = query.parameters.map((value) =>
    typeof value === "string" && value.startsWith(MARKER) ? Number(value.slice(MARKER.length)) : -1
  );
  const missing = markers.filter((_, i) => !slots.includes(i));
  if (missing.length > 0 || query.sql.includes(MARKER)) {
    throw new Error(
      `Cannot compile the query once: value ${
        missing.length > 0 ? missing.map((m) => m.slice(MARKER.length)).join(", ") : "?"
      } did not reach its parameters unchanged (${query.sql})`,
    );
  }
  return { query, slots };
}
