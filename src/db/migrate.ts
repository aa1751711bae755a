/** Runs the migrations in `migrations/mod.ts` with Kysely's migrator (which locks). */
import { sql } from "kysely";
import {
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  NO_MIGRATIONS,
} from "kysely/migration";
import { migrationProvider } from "../../migrations/mod.ts";
import type { DatabaseHandle } from "./connect.ts";

/** What a migration run did. */
export interface MigrationSummary {
  direction: "up" | "down";
  /** Names of the migrations that ran, in the order they ran. */
  applied: string[];
}

/** Options for the migration functions. */
export interface MigrateOptions {
  /** The migrations to run (default: every one in `migrations/mod.ts`). */
  provider?: MigrationProvider;
}

/** Applies every pending migration; throws an `Error` naming the migration that failed. */
export async function migrateToLatest(
  handle: DatabaseHandle,
  options: MigrateOptions = {},
): Promise<MigrationSummary> {
  const migrator = await createMigrator(handle, options);
  return summarise("up", await migrator.migrateToLatest());
}

/** Reverts every applied migration (used by tests to prove `down` works). */
export async function migrateDown(
  handle: DatabaseHandle,
  options: MigrateOptions = {},
): Promise<MigrationSummary> {
  const migrator = await createMigrator(handle, options);
  return summarise("down", await migrator.migrateTo(NO_MIGRATIONS));
}

/** Runs the migrations up to and including `name` (tests of one migration start there). */
export async function migrateUpTo(
  handle: DatabaseHandle,
  name: string,
  options: MigrateOptions = {},
): Promise<MigrationSummary> {
  const migrator = await createMigrator(handle, options);
  return summarise("up", await migrator.migrateTo(name));
}

async function createMigrator(handle: DatabaseHandle, options: MigrateOptions): Promise<Migrator> {
  // PostgreSQL: Kysely looks for its bookkeeping tables in every schema unless told
  // which one, so name the connection's own schema.
  let migrationTableSchema: string | undefined;
  if (handle.kind === "postgres") {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`
      .execute(handle.db);
    const schema = rows[0]?.schema;
    if (!schema) {
      throw new Error("Cannot migrate PostgreSQL database: no schema is selected (search_path)");
    }
    migrationTableSchema = schema;
  }
  return new Migrator({
    db: handle.db,
    provider: options.provider ?? migrationProvider,
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
}

function summarise(direction: "up" | "down", result: MigrationResultSet): MigrationSummary {
  const results = result.results ?? [];
  if (result.error !== undefined) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(
      failed
        ? `Database migration ${failed} (${direction}) failed: ${reason}`
        : `Database migration (${direction}) failed: ${reason}`,
      { cause: result.error },
    );
  }
  return {
    direction,
    applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName),
  };
}
