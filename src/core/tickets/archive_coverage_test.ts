import assert from "node:assert/strict";
import type { GuildId } from "../ids.ts";
import { snowflakeTime } from "../ids.ts";
import type { GatewaySession } from "../ports.ts";
import { archiveGaps, shardOf, snowflakeAt } from "./archive_coverage.ts";

const GUILD = "1100000000000000001" as GuildId;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const min = (n: number) => new Date(T0 + n * 60_000);
const options = { now: min(100), liveWithinMs: 90_000, marginMs: 0 };

function session(from: number, seen: number, live = false, shardCount = 1): GatewaySession {
  return {
    id: `s${from}`,
    shardId: shardOf(GUILD, shardCount),
    shardCount,
    startedAt: min(from),
    seenAt: min(seen),
    live,
  };
}

Deno.test("archiveGaps() finds no gap while a live session covered the whole ticket", () => {
  const gaps = archiveGaps(
    [session(0, 99.5, true)],
    GUILD,
    { from: min(10), to: min(100) },
    options,
  );
  assert.deepEqual(gaps, []);
});

Deno.test("archiveGaps() opens a gap between a lost session and the next IDENTIFY", () => {
  const gaps = archiveGaps(
    [session(0, 40), session(55, 99.9, true)],
    GUILD,
    { from: min(10), to: min(100) },
    options,
  );
  assert.deepEqual(gaps, [{ from: min(40), to: min(55) }]);
});

Deno.test("archiveGaps() treats a live session of a dead process as ending when last seen", () => {
  const gaps = archiveGaps([session(0, 60, true)], GUILD, { from: min(10), to: min(100) }, options);
  assert.deepEqual(gaps, [{ from: min(60), to: min(100) }]);
});

Deno.test("archiveGaps() ignores sessions of other shards and widens gaps by the margin", () => {
  const other: GatewaySession = { ...session(0, 100, true, 2), shardId: 1 - shardOf(GUILD, 2) };
  const none = archiveGaps([other], GUILD, { from: min(10), to: min(100) }, options);
  assert.deepEqual(none, [{ from: min(10), to: min(100) }]);
  const widened = archiveGaps(
    [session(0, 40), session(55, 100, true)],
    GUILD,
    { from: min(10), to: min(100) },
    { ...options, marginMs: 60_000 },
  );
  assert.deepEqual(widened, [{ from: min(39), to: min(56) }]);
});

Deno.test("snowflakeAt() is just below the first snowflake of its millisecond", () => {
  const id = snowflakeAt(min(3));
  assert.equal(snowflakeTime((BigInt(id) + 1n).toString()).getTime(), min(3).getTime());
  assert.ok(snowflakeTime(id).getTime() < min(3).getTime());
});
