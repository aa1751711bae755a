import assert from "node:assert/strict";
import { formatBench, parseBenchArgs, runBench } from "./bench.ts";
import { percentile } from "./stats.ts";
import { runCloseBench } from "./close_bench_table.ts";

Deno.test("runBench() measures memory and latency at a tiny scale", async () => {
  const options = parseBenchArgs([
    "--guilds=20",
    "--channels=5",
    "--roles=3",
    "--members=5",
    "--interactions=10",
  ]);
  const [result] = await runBench(options);
  assert.ok(result, "one scale was measured");
  assert.equal(result.guilds, 20);
  assert.ok(result.rss > 10 * 1024 * 1024, `an RSS of ${result.rss} bytes is not a bot's`);
  assert.equal(result.latency?.interactions, 10);
  assert.equal(result.latency?.late, 0);
  assert.ok((result.latency?.p99 ?? Infinity) < 3000);
  const table = formatBench(options, [result]).join("\n");
  assert.match(table, /RSS at 20 guilds\s+\d+\.\d MB/);
  assert.match(table, /interaction p99\s+\d+\.\d ms/);
});

Deno.test("parseBenchArgs() refuses unknown options and bad numbers", () => {
  assert.deepEqual(parseBenchArgs([]).guilds, [1000, 3000]);
  assert.deepEqual(parseBenchArgs(["--guilds=5,10"]).guilds, [5, 10]);
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

Deno.test("runCloseBench() closes archived and gapped tickets and sizes a transcript at a tiny scale", async () => {
  const lines = (await runCloseBench(() => {}, { close: 300, transcript: 100 })).join("\n");
  assert.match(lines, /close 300 archived\s+\d+ ms\s+≤ 1000 ms\s+0 history requests/);
  assert.match(lines, /close 300, gap of 30\s+\d+ ms/);
  assert.match(lines, /transcript of 100\s+\d+\.\d MB/);
});
