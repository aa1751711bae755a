/**
 * Every migration, imported statically so `deno compile` embeds them. Add new
 * ones here in order; `mod_test.ts` fails when a file is missing from the list.
 */
import type { Migration, MigrationProvider } from "kysely/migration";
import * as m0001 from "./0001_initial.ts";
import * as m0002 from "./0002_locks.ts";
import * as m0004 from "./0004_request_budget.ts";
import * as m0006 from "./0006_gateway_sessions.ts";
import * as m0008 from "./0008_web_pages.ts";
import * as m0010 from "./0010_languages.ts";
import * as m0011 from "./0011_ticket_types.ts";
import * as m0012 from "./0012_panel_types.ts";
import * as m0013 from "./0013_privacy_exports.ts";
import * as m0014 from "./0014_ticket_work.ts";
import * as m0015 from "./0015_transcript_sequence.ts";
import * as m0016 from "./0016_guild_departures.ts";
import * as m0018 from "./0018_threads_and_notes.ts";
import * as m0020 from "./0020_ticket_timers.ts";
import * as m0022 from "./0022_feedback.ts";
import * as m0024 from "./0024_stats.ts";
import * as m0025 from "./0025_stats_covering.ts";
import * as m0026 from "./0026_request_schedule.ts";
import * as m0027 from "./0027_archive_pages.ts";

/** Migrations by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  "0001_initial": m0001,
  "0002_locks": m0002,
  "0004_request_budget": m0004,
  "0006_gateway_sessions": m0006,
  "0008_web_pages": m0008,
  "0010_languages": m0010,
  "0011_ticket_types": m0011,
  "0012_panel_types": m0012,
  "0013_privacy_exports": m0013,
  "0014_ticket_work": m0014,
  "0015_transcript_sequence": m0015,
  "0016_guild_departures": m0016,
  "0018_threads_and_notes": m0018,
  "0020_ticket_timers": m0020,
  "0022_feedback": m0022,
  "0024_stats": m0024,
  "0025_stats_covering": m0025,
  "0026_request_schedule": m0026,
  "0027_archive_pages": m0027,
});

/** A Kysely `MigrationProvider` over `MIGRATIONS`. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
