/**
 * Opens a database for any target: SQLite through node:sqlite, PostgreSQL
 * through a `pg` pool, MySQL/MariaDB through a `mysql2` pool.
 */
import { getLogger } from "@logtape/logtape";
import { Kysely, MysqlDialect, PostgresDialect, sql } from "kysely";
import type { Database } from "./schema.ts";
import { createSqliteDialect } from "./sqlite_dialect.ts";
import { type DatabaseTarget, describeTarget } from "./target.ts";

/** An open database: the Kysely instance, its dialect, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseTarget["kind"];
  /** How many queries may run at once: the pool's size, or 1 for SQLite's one connection. */
  connections: number;
  /** Closes every connection; safe to call more than once. */
  close(): Promise<void>;
}

/** Options for `openDatabase`. */
export interface OpenDatabaseOptions {
  /** PostgreSQL only: the schema every connection uses (set as its `search_path`). */
  postgresSchema?: string;
  /** PostgreSQL and MySQL: the most connections the pool opens (default 10). */
  maxConnections?: number;
}

const log = getLogger(["ticketeer", "db"]);

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Opens `target` and checks it answers a query, so a wrong URL or a server that
 * is down fails here with a message naming the database (never its password).
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const max = options.maxConnections ?? 10;
  let db: Kysely<Database>;
  if (target.kind === "sqlite") {
    db = new Kysely<Database>({ dialect: createSqliteDialect(target.path) });
  } else if (target.kind === "postgres") {
    const schema = options.postgresSchema;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new RangeError(
        `Cannot use PostgreSQL schema "${schema}": it is not a plain identifier`,
      );
    }
    // Loaded only when used: the drivers weigh several megabytes a SQLite user need not carry.
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({
      connectionString: target.url,
      max,
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    });
    // An idle client losing its server connection must not crash the process.
    pool.on("error", (error: Error) => {
      log.warn("An idle PostgreSQL connection failed: {reason}", { reason: error.message });
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    // The package is CommonJS: its exports are the default export's (the bundle has no others).
    const { default: mysql } = await import("mysql2");
    const pool = mysql.createPool({
      uri: target.url,
      connectionLimit: max,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
      charset: "utf8mb4_bin",
    });
    db = new Kysely<Database>({ dialect: new MysqlDialect({ pool }) });
  }

  let closed: Promise<void> | null = null;
  const handle: DatabaseHandle = {
    db,
    kind: target.kind,
    connections: target.kind === "sqlite" ? 1 : max,
    close: () => closed ??= db.destroy(),
  };
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await handle.close().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot open database ${describeTarget(target)}: ${reason}`, { cause: error });
  }
  return handle;
}
