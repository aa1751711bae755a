/**
 * `deno task bench`: resident memory of the whole bot at 1,000 and 3,000 guilds
 * (50 channels, 20 roles and 100 members each), and the latency of 200
 * concurrent interactions, printed as a table; then the closing benchmarks
 * (`close_bench.ts`) and the CPU per 1,000 gateway messages (`message_cpu_bench.ts`).
 * Figures, not pass/fail tests.
 *
 * Options: `--guilds=1000,3000 --channels=50 --roles=20 --members=100
 * --interactions=200`. The interactions are timed in the largest run.
 */
import { measureMemory, type MemoryResult } from "./memory_bench.ts";
import { runCloseBench } from "./close_bench_table.ts";
import { measureMessageCpu, MESSAGE_CPU_TARGETS } from "./message_cpu_bench.ts";

/** What to run. */
export interface BenchOptions {
  guilds: number[];
  channels: number;
  roles: number;
  members: number;
  interactions: number;
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
};

/** Reads `--name=value` options over the defaults. */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const options = { ...DEFAULTS };
  for (const arg of args) {
    const match = /^--([a-z]+)=(.+)$/.exec(arg);
    if (match === null) throw new SyntaxError(`Cannot read option "${arg}": use --name=value`);
    const [, name, value] = match as unknown as [string, string, string];
    const numbers = value.split(",").map(Number);
    if (numbers.some((n) => !Number.isInteger(n) || n < 0)) {
      throw new RangeError(`Cannot read option --${name}: "${value}" is not a whole number`);
    }
    if (name === "guilds") options.guilds = numbers;
    else if (name === "channels" || name === "roles" || name === "members") {
      options[name] = numbers[0] ?? 0;
    } else if (name === "interactions") options.interactions = numbers[0] ?? 0;
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
  for (const guilds of options.guilds) {
    progress(`… ${guilds} guilds`);
    results.push(
      await measureMemory({
        guilds,
        channels: options.channels,
        roles: options.roles,
        members: options.members,
        interactions: guilds === largest ? options.interactions : 0,
      }),
    );
  }
  return results;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((row) => pad(row, widths));
}

/** The results as the lines of a small table, each with its target. */
export function formatBench(options: BenchOptions, results: MemoryResult[]): string[] {
  const lines = [
    `ticketeer benchmarks (${Deno.build.target}, ${navigator.hardwareConcurrency} cores, ` +
    `Deno ${Deno.version.deno})`,
    `fixture: ${options.channels} channels, ${options.roles} roles, ${options.members} members ` +
    `per guild; SQLite in memory`,
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
    const at = `${latency.interactions} concurrent /config show`;
    rows.push(["interaction p50", `${latency.p50.toFixed(1)} ms`, "", at]);
    rows.push(["interaction p99", `${latency.p99.toFixed(1)} ms`, `≤ ${TARGETS.p99Ms} ms`, at]);
    rows.push([
      "answers late",
      String(latency.late),
      "0",
      `max ${latency.max.toFixed(1)} ms`,
    ]);
  }
  return [...lines, ...table(rows)];
}

if (import.meta.main) {
  const encoder = new TextEncoder();
  const write = (line: string) => Deno.stdout.writeSync(encoder.encode(`${line}\n`));
  const options = parseBenchArgs(Deno.args);
  const results = await runBench(options, write);
  write("");
  for (const line of formatBench(options, results)) write(line);
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
