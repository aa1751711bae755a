/**
 * What every store's queries run on: the database or one open transaction of it
 * (Kysely's `Kysely<Database> | Transaction<Database>`), so callers can compose
 * several stores' writes into one transaction.
 */
import type { Kysely, Transaction } from "kysely";
import { type FieldCipher, plainCipher } from "../encryption/field_cipher.ts";
import type { DatabaseTarget } from "../target.ts";
import { withRetry } from "../db_errors.ts";
import type { Database } from "../schema.ts";

/** The executor a store's queries run on, its dialect, and the time for stamps. */
export interface StoreScope {
  /** The database, or the transaction the queries belong to. */
  db: Kysely<Database> | Transaction<Database>;
  kind: DatabaseTarget["kind"];
  /** Milliseconds since the epoch for `createdAt`/`updatedAt` stamps. */
  now(): number;
  /** Seals content at rest (`ENCRYPTION_KEY`); absent: stored plain. */
  cipher?: FieldCipher;
}

/** The cipher `scope` seals content with (a plain one when encryption is off). */
export function cipherOf(scope: StoreScope): FieldCipher {
  return scope.cipher ?? plainCipher();
}

/**
 * Runs `fn` in a transaction, again on deadlocks and busy errors; inside a
 * transaction already, `fn` joins it (the outer one retries). PostgreSQL and
 * MySQL use READ COMMITTED so each statement sees rows committed by the
 * transaction whose lock it waited for.
 */
export function inTransaction<T>(
  scope: StoreScope,
  fn: (trx: Kysely<Database> | Transaction<Database>) => Promise<T>,
): Promise<T> {
  const { db, kind } = scope;
  if (db.isTransaction) return fn(db);
  return withRetry(() => {
    const builder = db.transaction();
    return (kind === "sqlite" ? builder : builder.setIsolationLevel("read committed"))
      .execute(fn);
  });
}
