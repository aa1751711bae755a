/**
 * Kysely's `SqliteDialect` over Deno's built-in `node:sqlite`, so the embedded
 * database needs no native library and `deno compile` stays self-contained.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { type SqliteDatabase, SqliteDialect, type SqliteStatement } from "kysely";

/** Milliseconds a writer waits for another process's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * A Kysely dialect over an SQLite file (`:memory:` for a private in-memory
 * database). Creates the file's directory when missing and turns on WAL (files
 * only), a busy timeout and foreign keys. Kysely's SQLite driver uses this one
 * connection for every query, which serialises writes within the process.
 */
export function createSqliteDialect(path: string): SqliteDialect {
  return new SqliteDialect({ database: () => Promise.resolve(openSqliteDatabase(path)) });
}

/** Opens `path` with node:sqlite and wraps it in the shape Kysely's SQLite driver expects. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  const memory = path === ":memory:" || path === "";
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!memory) db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA foreign_keys = ON");
  } catch (error) {
    db.close();
    throw error;
  }
  return new NodeSqliteDatabase(db);
}

class NodeSqliteDatabase implements SqliteDatabase {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  prepare(sql: string): SqliteStatement {
    return new NodeSqliteStatement(this.#db.prepare(sql));
  }
}

/** node:sqlite takes positional parameters spread, where Kysely passes one array. */
class NodeSqliteStatement implements SqliteStatement {
  readonly #statement: StatementSync;
  readonly reader: boolean;

  constructor(statement: StatementSync) {
    this.#statement = statement;
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#statement.all(...toInputs(parameters));
  }

  run(
    parameters: ReadonlyArray<unknown>,
  ): { changes: number | bigint; lastInsertRowid: number | bigint } {
    const { changes, lastInsertRowid } = this.#statement.run(...toInputs(parameters));
    return { changes, lastInsertRowid };
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#statement.iterate(...toInputs(parameters));
  }
}

/** Checks each parameter is a value SQLite can bind; booleans become 0/1. */
function toInputs(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
  return parameters.map((value, index) => {
    if (typeof value === "boolean") return value ? 1 : 0;
    if (
      value === null || typeof value === "number" || typeof value === "bigint" ||
      typeof value === "string" || value instanceof Uint8Array
    ) {
      return value;
    }
    throw new TypeError(
      `Cannot bind SQLite parameter ${index + 1}: ${
        value === undefined ? "undefined" : typeof value
      } is not a number, bigint, string, Uint8Array or null`,
    );
  });
}
