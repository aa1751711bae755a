/** `ticketeer migrate`: applies the database migrations and exits. */
import { getLogger } from "@logtape/logtape";
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { describeTarget } from "../db/target.ts";
import { EXIT_OK } from "./exit_codes.ts";

/** Migrates the configured database to the latest version. */
export async function migrateCommand(config: Config): Promise<number> {
  const log = getLogger(["ticketeer", "db"]);
  const handle = await openDatabase(config.database);
  try {
    const summary = await migrateToLatest(handle);
    log.info("Database {database} is up to date ({summary})", {
      database: describeTarget(config.database),
      summary,
    });
    return EXIT_OK;
  } finally {
    await handle.close();
  }
}
