import assert from "node:assert/strict";
import { formatBench, formatSplit, parseBenchArgs, runBench } from "./bench.ts";
import { measureSplit, shardRanges } from "./split_bench.ts";
import { measureOpens } from "./open_bench.ts";
import { percentile } from "./stats.ts";
import { formatSearch, measureSearchAsShipped } from "./search_bench.ts";
import { formatStats, measureStatsAsShipped } from "./stats_bench.ts";
import { formatReady, measureReady } from "./ready_bench.ts";
import { runCloseBench } from "./close_bench_table.ts";

Deno.test("runBench() measures memory and latency at a tiny scale", async () => {
  const options = parseBenchArgs([
    "--guilds=20",
    "--channels=5",
    "--roles=3",
    "--members=5",
    "--interactions=10",
  ]);
  const [result] = await runBench({ ...options, quick: true });
  assert.ok(result, "one scale was measured");
  assert.equal(result.guilds, 20);
  assert.ok(result.rss > 10 * 1024 * 1024, `an RSS of ${result.rss} bytes is not a bot's`);
  assert.equal(result.latency?.interactions, 10);
  assert.equal(result.latency?.late, 0);
  assert.ok((result.latency?.p99 ?? Infinity) < 3000);
  const table = formatBench(options, [result]).join("\n");
  assert.match(table, /RSS at 20 guilds\s+\d+\.\d MB/);
  assert.match(table, /interaction p99\s+\d+\.\d ms/);
  assert.equal(result.latency?.bursts, 7);
  assert.ok((result.latency?.cpuMsPerInteraction ?? -1) >= 0);
  assert.match(table, /interaction CPU\s+\d+\.\d\d ms/);

  // The opening benchmark at a tiny scale: a burst of opens, timed and counted.
  const opens = await measureOpens({ guilds: 2, perGuild: 2, dialect: "sqlite" });
  assert.ok(opens, "SQLite always runs");
  assert.equal(opens.opened, 4, "every click opened a ticket");
  assert.ok(opens.linkP99 >= opens.firstP50);
  assert.ok(opens.ticketsPerSecond > 0);
  assert.ok((opens.perOpen["POST /guilds/:id/channels"] ?? 0) >= 1, JSON.stringify(opens));
  const withOpens = formatBench(options, [result], [opens]).join("\n");
  assert.match(withOpens, /open: link p50 \/ p99\s+\d+ ms \/ \d+ ms/);
});

Deno.test("parseBenchArgs() refuses unknown options and bad numbers", () => {
  assert.deepEqual(parseBenchArgs([]).guilds, [1000, 3000]);
  assert.deepEqual(parseBenchArgs(["--guilds=5,10"]).guilds, [5, 10]);
  assert.equal(parseBenchArgs(["--processes=2"]).processes, 2);
  assert.throws(() => parseBenchArgs(["--shards=2"]), SyntaxError);
  assert.throws(() => parseBenchArgs(["--guilds=ten"]), RangeError);
});

Deno.test("percentile() uses the nearest rank", () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(values, 50), 50);
  assert.equal(percentile(values, 99), 99);
  assert.equal(percentile([7], 99), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

Deno.test("shardRanges() splits the shards over processes, the first ones taking the remainder", () => {
  assert.deepEqual(shardRanges(10, 2), ["0-4/10", "5-9/10"]);
  assert.deepEqual(shardRanges(3, 2), ["0-1/3", "2-2/3"]);
  assert.deepEqual(shardRanges(1, 2), ["0-0/1"]);
});

Deno.test("measureSplit() measures each of two processes sharing the guilds at a tiny scale", async () => {
  const result = await measureSplit({
    guilds: 20,
    channels: 5,
    roles: 3,
    members: 5,
    guildsPerShard: 5,
    processes: 2,
    samples: 2,
    quick: true,
  });
  assert.equal(result.shards, 4);
  assert.deepEqual(result.processes.map((p) => p.shards), ["0-1/4", "2-3/4"]);
  assert.equal(result.processes.reduce((sum, p) => sum + p.guilds, 0), 20);
  for (const p of result.processes) {
    assert.ok(p.rss > 10 * 1024 * 1024, `an RSS of ${p.rss} bytes is not a bot's`);
  }
  assert.match(formatSplit(result, "SQLite").join("\n"), /RSS of 2 processes at 20 guilds/);
});

Deno.test("measureSearchAsShipped() times full-text searches at a tiny scale, with the shipped flags", async () => {
  const result = await measureSearchAsShipped({ messages: 2_000 });
  assert.equal(result.messages, 2_000);
  assert.equal(result.queries.length, 4);
  assert.ok(result.queries[0]!.found > 0, "the commonest word is found");
  assert.equal(result.queries.at(-1)!.found, 0, "a word nobody wrote is not");
  assert.match(formatSearch(result).join("\n"), /"nosuchword": p50 \d+\.\d ms/);
  assert.equal(parseBenchArgs(["--search=0"]).search, 0);
  assert.equal(parseBenchArgs(["--opens=0"]).opens, 0);
});

Deno.test("runCloseBench() closes archived and gapped tickets and sizes a transcript at a tiny scale", async () => {
  const lines = (await runCloseBench(() => {}, { close: 300, transcript: 100 })).join("\n");
  assert.match(lines, /close 300 archived\s+\d+ ms\s+≤ 1000 ms\s+0 history requests/);
  assert.match(lines, /close 300, gap of 30\s+\d+ ms/);
  assert.match(lines, /close 300 archived, SQLite file\s+\d+ ms\s+≤ 1000 ms\s+0 history requests/);
  assert.match(lines, /close 300, gap of 30, SQLite file\s+\d+ ms/);
  assert.match(lines, /transcript of 100\s+\d+\.\d MB/);
});

Deno.test("measureStatsAsShipped() times /stats at a tiny scale, with the shipped flags", async () => {
  const result = await measureStatsAsShipped({ tickets: 500 });
  assert.equal(result.tickets, 500);
  assert.deepEqual(result.periods.map((p) => p.days), [30, 365]);
  assert.ok(result.periods[1]!.inPeriod > result.periods[0]!.inPeriod);
  assert.match(formatStats(result).join("\n"), /last 30 days \(\d+ tickets, CSV \d+\.\d MB\): p50/);
  assert.equal(parseBenchArgs(["--stats=0"]).stats, 0);
});

Deno.test("measureReady() times a start with stored tickets at a tiny scale", async () => {
  const result = await measureReady({ tickets: 300, guilds: 2 });
  assert.equal(result.open, 3);
  assert.ok(result.readyMs > 0 && result.reconciledMs >= result.readyMs, JSON.stringify(result));
  assert.match(
    formatReady(result).join("\n"),
    /ready with 300 stored tickets \(3 open, 2 guilds\)/,
  );
  assert.equal(parseBenchArgs(["--ready=0"]).ready, 0);
});
