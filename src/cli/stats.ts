/**
 * `ticketeer stats --guild ID [--days N] [--csv]`: a guild's statistics of the
 * last N days (default 30) from the database, as text for operators (the
 * figures alone, measured by the database where it can, as `/stats` does over
 * a long period), or with `--csv` the CSV of the period's tickets (the file
 * `/stats` attaches; every ticket read as a row).
 */
import { isSnowflake } from "../core/ids.ts";
import type { GuildId } from "../core/ids.ts";
import type { Config } from "../config.ts";
import type { DurationSummary } from "../core/stats/percentile.ts";
import {
  DEFAULT_STATS_DAYS,
  MAX_STATS_DAYS,
  readStats,
  readStatsWithin,
} from "../core/stats/read_stats.ts";
import { statsCsv } from "../core/stats/stats_csv.ts";
import type { StatsHeadline } from "../core/stats/stats_figures.ts";
import { formatDuration } from "../core/transcript/summary_embed.ts";
import { openDatabase } from "../db/connect.ts";
import { cipherFor } from "../db/encryption/cipher_for.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createStores } from "../db/stores/create_stores.ts";
import { printError, printLine } from "../log.ts";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./exit_codes.ts";

const USAGE = "Usage: ticketeer stats --guild ID [--days N] [--csv]";

/** The parsed options, or what is wrong with them. */
export function parseStatsArgs(
  args: readonly string[],
): { guild: GuildId; days: number; csv: boolean } | { problem: string } {
  let guild: string | null = null;
  let days = DEFAULT_STATS_DAYS;
  let csv = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (flag === "--csv" && inline === undefined) {
      csv = true;
      continue;
    }
    if (flag !== "--guild" && flag !== "--days") return { problem: `unknown argument ${arg}` };
    const value = inline ?? args[++i];
    if (value === undefined) return { problem: `${flag} needs a value` };
    if (flag === "--guild") {
      if (!isSnowflake(value)) {
        return { problem: `--guild must be a numeric Discord id (got "${value}")` };
      }
      guild = value;
    } else {
      days = Number(value);
      if (!/^[0-9]+$/.test(value) || days < 1 || days > MAX_STATS_DAYS) {
        return { problem: `--days must be a whole number from 1 to ${MAX_STATS_DAYS}` };
      }
    }
  }
  if (guild === null) return { problem: "--guild is required" };
  return { guild: guild as GuildId, days, csv };
}

const duration = (ms: number | null) => ms === null ? "none" : formatDuration(ms, "en");

function summaryLine(name: string, summary: DurationSummary): string {
  return `${name}: median ${duration(summary.medianMs)}, 90th percentile ${
    duration(summary.p90Ms)
  } (${summary.count} tickets)`;
}

/** The figures as lines of text. */
export function statsText(guild: string, days: number, figures: StatsHeadline): string[] {
  const oldest = figures.openNow.oldestWaiting;
  const r = figures.ratings;
  return [
    `Statistics of guild ${guild}, the last ${days} days (${figures.from.toISOString()} to ${figures.to.toISOString()})`,
    `Opened: ${figures.opened}  Closed: ${figures.closed}  Reopened: ${figures.reopened}  Open now: ${figures.openNow.count}`,
    ...(oldest === null
      ? []
      : [`Waiting longest for staff: #${oldest.number}, opened ${oldest.since.toISOString()}`]),
    summaryLine("First staff response", figures.firstResponse),
    summaryLine("Resolution", figures.resolution),
    `Ratings: ${r.count}, mean ${r.mean === null ? "none" : r.mean.toFixed(2)} (1-5: ${
      r.distribution.join(" / ")
    })`,
    ...figures.staff.map((s) =>
      `Staff ${s.staffId}: ${s.handled} handled, ${s.messages} messages, median first response ${
        duration(s.medianFirstResponseMs)
      }`
    ),
    ...(figures.supportHours ? ["Times of types with support hours count those hours only."] : []),
    "Median and 90th percentile by nearest rank.",
  ];
}

/** Runs the subcommand; returns the exit code. */
export async function statsCommand(config: Config, args: readonly string[]): Promise<number> {
  const parsed = parseStatsArgs(args);
  if ("problem" in parsed) {
    printError(`ticketeer stats: ${parsed.problem}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle);
    const stores = createStores(handle, { cipher: await cipherFor(config.encryption) });
    const types = await stores.types.list(parsed.guild);
    const request = {
      guildId: parsed.guild,
      now: new Date(),
      days: parsed.days,
      types,
      allTypes: true,
      staffId: null,
    };
    if (parsed.csv) {
      const figures = await readStats(stores.stats, request);
      await Deno.stdout.write(new TextEncoder().encode(statsCsv(figures, types)));
    } else {
      // The figures alone: no row per ticket (a limit below any count).
      const figures = await readStatsWithin(stores.stats, request, -1);
      for (const line of statsText(parsed.guild, parsed.days, figures)) printLine(line);
    }
    return EXIT_OK;
  } catch (error) {
    printError(`ticketeer stats: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  } finally {
    await handle.close();
  }
}
