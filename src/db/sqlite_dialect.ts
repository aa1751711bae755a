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
    // WAL with NORMAL syncs: a commit waits for no fsync (a close of 10,000 messages
    // spent a third of its time on them), and the file stays whole through a crash
    // or a power cut, which can only lose the last commits.
    if (!memory) db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
  } catch (error) {
    db.close();
    throw error;
  }
  return new NodeSqliteDatabase(db);
}

/**
 * Prepared statements kept per SQL text. Kysely sends the same few query shapes
 * again and again; preparing each anew costs time, and every statement holds
 * native memory the garbage collector does not see, so thousands of them pile
 * up (tens of megabytes after a startup pass over a few thousand guilds).
 */
const STATEMENT_CACHE_SIZE = 200;

class NodeSqliteDatabase implements SqliteDatabase {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, NodeSqliteStatement>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  close(): void {
    this.#statements.clear();
    if (this.#db.isOpen) this.#db.close();
  }

  prepare(sql: string): SqliteStatement {
    // Kysely's driver runs one query at a time on this connection, so a cached
    // statement is never in use twice at once.
    const cached = this.#statements.get(sql);
    if (cached !== undefined) {
      // Most recently used last, so the first entry is the one to evict.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = new NodeSqliteStatement(this.#db.prepare(sql));
    this.#statements.set(sql, statement);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return statement;
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
