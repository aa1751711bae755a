/** Inserts that behave the same on SQLite, PostgreSQL and MySQL/MariaDB. */
import { type InsertQueryBuilder, type InsertResult, sql } from "kysely";
import { isUniqueViolation } from "../db_errors.ts";
import { toNumber } from "../row_mapping.ts";
import type { Database } from "../schema.ts";
import type { StoreScope } from "./scope.ts";

/** The insert, made to skip the row when it would break a unique key. */
export function ignoringDuplicates<TB extends keyof Database, O>(
  scope: Pick<StoreScope, "kind">,
  query: InsertQueryBuilder<Database, TB, O>,
): InsertQueryBuilder<Database, TB, O> {
  return scope.kind === "mysql" ? query.orIgnore() : query.onConflict((oc) => oc.doNothing());
}

/** Runs an insert and gives the new row's id (MySQL has no `returning`). */
export async function insertReturningId<TB extends "panels" | "tickets">(
  scope: Pick<StoreScope, "kind">,
  query: InsertQueryBuilder<Database, TB, InsertResult>,
): Promise<number> {
  if (scope.kind === "mysql") {
    const result = await query.executeTakeFirstOrThrow();
    if (result.insertId === undefined) throw new Error("Cannot read the id of a new row");
    return toNumber(result.insertId);
  }
  const row = await query.returning(sql<number | string>`id`.as("id"))
    .executeTakeFirstOrThrow();
  return toNumber(row.id);
}

/** Runs an insert; false when the row is there already (a unique key refused it). */
export async function insertOnce(query: { execute(): Promise<unknown> }): Promise<boolean> {
  try {
    await query.execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * The row `find` gives, inserting it first when there is none: a concurrent
 * first use inserts it too, so the insert skips a duplicate and `find` runs again.
 */
export async function findOrInsert<R, TB extends keyof Database>(
  scope: StoreScope,
  steps: {
    find: () => Promise<R | undefined>;
    insert: (at: number) => InsertQueryBuilder<Database, TB, InsertResult>;
    what: string;
  },
): Promise<R> {
  const existing = await steps.find();
  if (existing) return existing;
  await ignoringDuplicates(scope, steps.insert(scope.now())).execute();
  const row = await steps.find();
  if (!row) throw new Error(`Cannot create ${steps.what}`);
  return row;
}
