/**
 * `deno task bench`: resident memory of the whole bot at 1,000 and 3,000 guilds
 * (50 channels, 20 roles and 100 members each), the latency of 200 concurrent
 * interactions, the opening benchmark (`open_bench.ts`: 200 opens in 200 guilds and
 * 50 in one, on SQLite and PostgreSQL, at Discord's global limit), the closing
 * benchmarks (`close_bench.ts`) and the CPU per 1,000 gateway messages
 * (`message_cpu_bench.ts`), printed as tables. Figures, not pass/fail tests.
 *
 * Options: `--guilds=1000,3000 --channels=50 --roles=20 --members=100
 * --interactions=200 --processes=1 --search=100000 --stats=100000 --opens=200`. The
 * interactions are timed in the largest run; `--guilds=0` skips the memory runs,
 * `--search=0` the full-text search, `--stats=0` the statistics (`stats_bench.ts`),
 * `--opens=0` the opening runs (`--opens=N` opens in N guilds and min(N, 50) in one),
 * `--ready=N` the ready time with N stored tickets (0: none); `--against=<dir>` runs
 * only the memory and latency runs, on the checkout at `<dir>` (an earlier release),
 * started as its own start task starts it, against this checkout's fake and benchmarks.
 * With `--processes=N` (N > 1) the largest guild count is also
 * measured split over N processes with `SHARDS`, on PostgreSQL when `TEST_POSTGRES_URL`
 * is set.
 */
import { DIALECTS, isolateForApp } from "../fixtures/dialects.ts";
import { measureMemory, type MemoryResult } from "./memory_bench.ts";
import { measureSplit, type SplitResult } from "./split_bench.ts";
import { formatSearch, measureSearchAsShipped } from "./search_bench.ts";
import { formatStats, measureStatsAsShipped } from "./stats_bench.ts";
import { measureOpens, type OpenResult, openRows } from "./open_bench.ts";
import { runCloseBench } from "./close_bench_table.ts";
import { measureMessageCpu, MESSAGE_CPU_TARGETS } from "./message_cpu_bench.ts";
import { formatReady, measureReady } from "./ready_bench.ts";
import { otherBot } from "./other_checkout.ts";

/** What to run. */
export interface BenchOptions {
  guilds: number[];
  channels: number;
  roles: number;
  members: number;
  interactions: number;
  /** Processes to split the largest scale over (1: no split run). */
  processes: number;
  /** Archived messages the full-text search runs over (0: no search run). */
  search: number;
  /** Tickets `/stats` runs over (0: no statistics run). */
  stats: number;
  /** Opens spread over this many guilds, and min(opens, 50) in one guild; 0: none. */
  opens: number;
  /** Tickets stored before the ready run (`ready_bench.ts`); 0: no ready run. */
  ready: number;
  /** Samples memory without waiting for V8's memory reducer (tiny scales in tests). */
  quick?: boolean;
  /** The memory and latency runs measure the checkout at this path instead (`other_checkout.ts`). */
  against?: string;
}

/** The targets the figures are held to. */
export const TARGETS = {
  /** RSS at the largest scale. */
  rssMb: 85,
  /** RSS growth from the smallest to the largest scale. */
  growthMb: 5,
  p99Ms: 100,
};

const DEFAULTS: BenchOptions = {
  guilds: [1000, 3000],
  channels: 50,
  roles: 20,
  members: 100,
  interactions: 200,
  processes: 1,
  search: 100_000,
  stats: 100_000,
  opens: 200,
  ready: 100_000,
};

/** Reads `--name=value` options over the defaults. */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const options = { ...DEFAULTS };
  for (const arg of args) {
    const match = /^--([a-z]+)=(.+)$/.exec(arg);
    if (match === null) throw new SyntaxError(`Cannot read option "${arg}": use --name=value`);
    const [, name, value] = match as unknown as [string, string, string];
    if (name === "against") {
      options.against = value;
      continue;
    }
    const numbers = value.split(",").map(Number);
    if (numbers.some((n) => !Number.isInteger(n) || n < 0)) {
      throw new RangeError(`Cannot read option --${name}: "${value}" is not a whole number`);
    }
    if (name === "guilds") options.guilds = numbers;
    else if (name === "channels" || name === "roles" || name === "members") {
      options[name] = numbers[0] ?? 0;
    } else if (name === "interactions") options.interactions = numbers[0] ?? 0;
    else if (name === "processes") options.processes = Math.max(1, numbers[0] ?? 1);
    else if (name === "search") options.search = numbers[0] ?? 0;
    else if (name === "stats") options.stats = numbers[0] ?? 0;
    else if (name === "opens") options.opens = numbers[0] ?? 0;
    else if (name === "ready") options.ready = numbers[0] ?? 0;
    else throw new SyntaxError(`Unknown option --${name}`);
  }
  if (options.guilds.length === 0) throw new RangeError("Cannot run: no guild count given");
  return options;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/** Runs every scale in turn and returns the results. */
export async function runBench(
  options: BenchOptions,
  progress: (line: string) => void = () => {},
): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  const largest = Math.max(...options.guilds);
  const bot = options.against === undefined ? undefined : await otherBot(options.against);
  for (const guilds of options.guilds.filter((n) => n > 0)) {
    progress(`… ${guilds} guilds`);
    results.push(
      await measureMemory({
        guilds,
        channels: options.channels,
        roles: options.roles,
        members: options.members,
        interactions: guilds === largest ? options.interactions : 0,
        quick: options.quick === true,
        ...(bot === undefined ? {} : { bot }),
      }),
    );
  }
  return results;
}

/** The largest scale split over `options.processes` processes, or null when not asked for. */
export async function runSplit(
  options: BenchOptions,
  progress: (line: string) => void = () => {},
): Promise<SplitResult | null> {
  if (options.processes <= 1) return null;
  const guilds = Math.max(...options.guilds);
  progress(`… ${guilds} guilds over ${options.processes} processes`);
  const postgres = DIALECTS.find((d) => d.name === "postgres");
  const database = postgres !== undefined && postgres.skip === null
    ? await isolateForApp(postgres)
    : null;
  try {
    return await measureSplit({
      guilds,
      channels: options.channels,
      roles: options.roles,
      members: options.members,
      processes: options.processes,
      ...(database?.target.kind === "postgres" ? { databaseUrl: database.target.url } : {}),
    });
  } finally {
    await database?.drop();
  }
}

/** A split run as lines of a small table. */
export function formatSplit(result: SplitResult, database: string): string[] {
  const rows: string[][] = [["measure", "value", "detail"]];
  rows.push([
    `RSS of ${result.processes.length} processes at ${result.guilds} guilds`,
    `${mb(result.totalRss).toFixed(1)} MB`,
    `${result.shards} shards, ${database}`,
  ]);
  for (const p of result.processes) {
    rows.push([
      `  SHARDS=${p.shards}`,
      `${mb(p.rss).toFixed(1)} MB`,
      `${p.guilds} guilds, samples ${p.samples.map((s) => mb(s).toFixed(1)).join("/")}`,
    ]);
  }
  return table(rows);
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((row) => pad(row, widths));
}

/** Runs the opening scenarios of `options` on SQLite and PostgreSQL (when configured). */
export async function runOpenBench(
  options: Pick<BenchOptions, "opens">,
  progress: (line: string) => void = () => {},
): Promise<OpenResult[]> {
  if (options.opens === 0) return [];
  const results: OpenResult[] = [];
  for (const dialect of ["sqlite", "postgres"] as const) {
    for (
      const scenario of [
        { guilds: options.opens, perGuild: 1 },
        { guilds: 1, perGuild: Math.min(options.opens, 50) },
      ]
    ) {
      progress(`… ${scenario.guilds} × ${scenario.perGuild} opens on ${dialect}`);
      const result = await measureOpens({ ...scenario, dialect });
      if (result !== null) results.push(result);
    }
  }
  return results;
}

/** The results as the lines of a small table, each with its target. */
export function formatBench(
  options: BenchOptions,
  results: MemoryResult[],
  opens: readonly OpenResult[] = [],
): string[] {
  const lines = [
    `ticketeer benchmarks (${Deno.build.target}, ${navigator.hardwareConcurrency} cores, ` +
    `Deno ${Deno.version.deno})`,
    `fixture: ${options.channels} channels, ${options.roles} roles, ${options.members} members ` +
    `per guild; SQLite in memory`,
    ...(options.against === undefined
      ? []
      : [`memory and latency of the checkout at ${options.against}`]),
    "",
  ];
  const rows: string[][] = [["measure", "value", "target", "detail"]];
  for (const result of results) {
    const isLargest = result === results.at(-1) && results.length > 1;
    rows.push([
      `RSS at ${result.guilds} guilds`,
      `${mb(result.rss).toFixed(1)} MB`,
      isLargest ? `≤ ${TARGETS.rssMb} MB` : "",
      `${result.shards} shard(s), delivered in ${(result.deliveredMs / 1000).toFixed(1)} s, ` +
      `samples ${result.samples.map((s) => mb(s).toFixed(1)).join("/")}`,
    ]);
  }
  const first = results[0];
  const last = results.at(-1);
  if (first !== undefined && last !== undefined && results.length > 1) {
    rows.push([
      `RSS ${first.guilds} → ${last.guilds} guilds`,
      `${mb(last.rss - first.rss) >= 0 ? "+" : ""}${mb(last.rss - first.rss).toFixed(1)} MB`,
      `≤ +${TARGETS.growthMb} MB`,
      "",
    ]);
  }
  const latency = results.find((r) => r.latency !== null)?.latency;
  if (latency) {
    const at =
      `${latency.interactions} concurrent /config show, median of ${latency.bursts} bursts`;
    rows.push(["interaction p50", `${latency.p50.toFixed(1)} ms`, "", at]);
    rows.push(["interaction p99", `${latency.p99.toFixed(1)} ms`, `≤ ${TARGETS.p99Ms} ms`, at]);
    if (latency.cpuMsPerInteraction !== null) {
      rows.push([
        "interaction CPU",
        `${latency.cpuMsPerInteraction.toFixed(2)} ms`,
        "",
        "the bot's, per /config show, over the measured bursts",
      ]);
    }
    rows.push([
      "answers late",
      String(latency.late),
      "0",
      `max ${latency.max.toFixed(1)} ms`,
    ]);
  }
  rows.push(...openRows(opens));
  return [...lines, ...table(rows)];
}

if (import.meta.main) {
  const encoder = new TextEncoder();
  const write = (line: string) => Deno.stdout.writeSync(encoder.encode(`${line}\n`));
  const options = parseBenchArgs(Deno.args);
  const results = await runBench(options, write);
  if (options.against !== undefined) {
    // The other checkout's memory and latency only: the rest measures this checkout.
    write("");
    for (const line of formatBench(options, results)) write(line);
    Deno.exit(0);
  }
  const split = await runSplit(options, write);
  const opens = await runOpenBench(options, write);
  write("");
  if (results.length > 0 || opens.length > 0) {
    for (const line of formatBench(options, results, opens)) write(line);
  }
  if (split !== null) {
    const database = Deno.env.get("TEST_POSTGRES_URL") === undefined
      ? "SQLite in memory per process"
      : "one PostgreSQL";
    write("");
    for (const line of formatSplit(split, database)) write(line);
  }
  if (options.search > 0) {
    write("");
    for (const line of formatSearch(await measureSearchAsShipped({ messages: options.search }))) {
      write(line);
    }
  }
  if (options.stats > 0) {
    write("");
    for (const line of formatStats(await measureStatsAsShipped({ tickets: options.stats }))) {
      write(line);
    }
  }
  if (options.ready > 0) {
    write(`… ready with ${options.ready} stored tickets`);
    const ready = await measureReady({ tickets: options.ready });
    write("");
    for (const line of formatReady(ready)) write(line);
  }
  write("");
  for (const line of await runCloseBench(write)) write(line);
  write("");
  write("… gateway messages: 1,000 in ordinary channels, then 1,000 in a ticket");
  const cpu = await measureMessageCpu(1000);
  write(
    `CPU per 1,000 MESSAGE_CREATE: ordinary channels ${cpu.ordinaryMs} ms ` +
      `(≤ ${MESSAGE_CPU_TARGETS.ordinaryMs} ms; bare discordeno ${cpu.bareOrdinaryMs} ms), ` +
      `ticket channel ${cpu.ticketMs} ms (≤ ${MESSAGE_CPU_TARGETS.ticketMs} ms; bare ${cpu.bareTicketMs} ms)`,
  );
}
