/**
 * `/stats` over many tickets on SQLite: `tickets` tickets of one guild spread
 * over the last year (most closed, answered and rated, two staff messages each),
 * written in one transaction, then the whole work of `/stats` over 30 and 365
 * days (the reads, the figures, the embed and the CSV when it is attached)
 * timed `rounds` times after a warm-up, and the statistics page's CSV of the
 * year (every ticket read as a row and written). A figure, not a pass/fail test.
 * `deno task bench` runs it in a child process with the shipped bot's runtime
 * flags (`shipped_child.ts`), as the bot would run the same queries.
 */
import { sql } from "kysely";
import { join } from "node:path";
import { guildId, userId } from "../../src/core/ids.ts";
import { DM_UPLOAD_LIMIT_BYTES } from "../../src/core/interactions/privacy_mydata.ts";
import { readStats, readStatsWithin } from "../../src/core/stats/read_stats.ts";
import { csvTicketsWithin, statsCsv } from "../../src/core/stats/stats_csv.ts";
import { statsEmbed } from "../../src/core/stats/stats_embed.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createStores } from "../../src/db/stores/create_stores.ts";
import { english } from "../../src/i18n/translator.ts";
import { median } from "./stats.ts";
import { measuredInChild, reportToParent } from "./shipped_child.ts";

/** One period's timing: how many tickets it held, p50 and max in ms, the CSV's bytes (0: none attached). */
export interface StatsPeriodResult {
  days: number;
  inPeriod: number;
  p50: number;
  max: number;
  csvBytes: number;
}

/** What one run measures: `/stats` over the default 30 days and the whole year, and the page's CSV of the year. */
export interface StatsBenchResult {
  tickets: number;
  periods: StatsPeriodResult[];
  pageCsv: StatsPeriodResult;
  loadMs: number;
}

/** The figure `/stats` is held to (reported, not asserted). */
export const STATS_TARGET_MS = 300;

const BATCH = 500;
const HOUR = 3_600_000;
const STAFF = ["300000000000000001", "300000000000000002", "300000000000000003"];

/** Runs the benchmark on a temporary SQLite file. */
export async function measureStats(
  options: { tickets: number; rounds?: number },
): Promise<StatsBenchResult> {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer_stats_bench_" });
  const handle = await openDatabase({ kind: "sqlite", path: join(dir, "bench.db") });
  try {
    await migrateToLatest(handle);
    const stores = createStores(handle);
    const guild = guildId("100000000000000001");
    const type = await stores.types.defaultFor(guild);
    const now = Date.UTC(2026, 5, 1);
    const span = 360 * 24 * HOUR;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const started = performance.now();
    await handle.db.transaction().execute(async (trx) => {
      for (let start = 0; start < options.tickets; start += BATCH) {
        const tickets = [];
        const feedback = [];
        const messages = [];
        for (let n = start; n < Math.min(start + BATCH, options.tickets); n++) {
          const created = now - span + Math.floor((n / options.tickets) * span);
          const open = n % 20 === 0;
          const staff = STAFF[n % STAFF.length]!;
          tickets.push({
            id: n + 1,
            guild_id: guild,
            number: n + 1,
            type_id: type.id,
            opener_id: userId(String(200000000000000000n + BigInt(n))),
            status: open ? "open" : "closed",
            claimed_by: n % 4 === 0 ? null : staff,
            answers: "[]",
            created_at: created,
            closed_at: open ? null : created + Math.floor(random() * 72 * HOUR),
            assistant_paused: 0,
            first_staff_response_at: created + Math.floor(random() * 8 * HOUR),
            waiting_for: open ? "staff" : "member",
          });
          if (!open) {
            feedback.push({
              ticket_id: n + 1,
              guild_id: guild,
              staff_id: staff,
              asked_at: created,
              rating: n % 3 === 0 ? null : 1 + Math.floor(random() * 5),
              rated_at: created,
            });
          }
          for (const k of [1, 2]) {
            messages.push({
              message_id: String(400000000000000000n + BigInt(n * 2 + k)),
              ticket_id: n + 1,
              author_id: staff,
              payload: "{}",
              created_at: created + k * HOUR,
            });
          }
        }
        await trx.insertInto("tickets").values(tickets).execute();
        if (feedback.length > 0) await trx.insertInto("ticket_feedback").values(feedback).execute();
        await trx.insertInto("archived_messages").values(messages).execute();
      }
    });
    const loadMs = performance.now() - started;
    // What SQLite does by itself once the writes are done: the pages back from the write-ahead log.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(handle.db);
    const types = await stores.types.list(guild);
    const tr = english();
    const request = (days: number) => ({
      guildId: guild,
      now: new Date(now),
      days,
      types,
      allTypes: true,
      staffId: null,
    });
    // What `/stats` does: the CSV only when the period's tickets surely fit in a file.
    const command = async (days: number) => {
      const limit = csvTicketsWithin(DM_UPLOAD_LIMIT_BYTES, types);
      const figures = await readStatsWithin(stores.stats, request(days), limit);
      statsEmbed(tr, figures, { days, type: null, staffId: null });
      return "tickets" in figures ? new TextEncoder().encode(statsCsv(figures, types)).length : 0;
    };
    // What the statistics page's download does: every ticket as a row, then the CSV.
    const download = async (days: number) =>
      new TextEncoder().encode(statsCsv(await readStats(stores.stats, request(days)), types))
        .length;
    const timed = async (days: number, run: (days: number) => Promise<number>) => {
      await run(days);
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < (options.rounds ?? 5); i++) {
        const t0 = performance.now();
        bytes = await run(days);
        samples.push(performance.now() - t0);
      }
      const inPeriod = await stores.stats.count({
        guildId: guild,
        from: new Date(now - days * 24 * HOUR),
        to: new Date(now),
        typeIds: null,
        staffId: null,
      });
      return { days, inPeriod, p50: median(samples), max: Math.max(...samples), csvBytes: bytes };
    };
    const periods: StatsPeriodResult[] = [];
    for (const days of [30, 365]) periods.push(await timed(days, command));
    const pageCsv = await timed(365, download);
    return { tickets: options.tickets, periods, pageCsv, loadMs };
  } finally {
    await handle.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** The result as lines for the benchmark's report. */
export function formatStats(result: StatsBenchResult): string[] {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const line = (p: StatsPeriodResult, what: string) =>
    `  ${what} (${p.inPeriod.toLocaleString("en-US")} tickets, ${
      p.csvBytes === 0 ? "no CSV attached" : `CSV ${mb(p.csvBytes)}`
    }): p50 ${p.p50.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`;
  return [
    `/stats over ${
      result.tickets.toLocaleString("en-US")
    } tickets of one guild spread over a year ` +
    `(SQLite; reads, figures, embed and CSV; written in ${(result.loadMs / 1000).toFixed(1)} s; ` +
    `target < ${STATS_TARGET_MS} ms)`,
    ...result.periods.map((p) => line(p, `last ${p.days} days`)),
    line(result.pageCsv, `statistics page's CSV download, last ${result.pageCsv.days} days`),
  ];
}

/** `measureStats` in a child process with the shipped bot's runtime flags. */
export function measureStatsAsShipped(options: { tickets: number }): Promise<StatsBenchResult> {
  return measuredInChild(import.meta.url, [String(options.tickets)], { what: "/stats bench" });
}

if (import.meta.main) reportToParent(await measureStats({ tickets: Number(Deno.args[0]) }));
