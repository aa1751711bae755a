/**
 * Memory when several processes share one bot's guilds: the fake recommends one
 * shard per 1,000 guilds, and each process runs its own `SHARDS` range of them
 * (the first takes the remainder), all on one database. Each process's resident
 * memory is sampled once they have all settled.
 */
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { type BotProcess, spawnBot } from "./bot_process.ts";
import { barrier, type MemoryScale, settle, whileAlive } from "./memory_bench.ts";
import { median } from "./stats.ts";

/** What one split run is made of. */
export interface SplitScale extends MemoryScale {
  /** Processes sharing the shards. */
  processes: number;
  /** `DATABASE_URL` every process uses (default: each its own `sqlite::memory:`). */
  databaseUrl?: string;
}

/** What was measured for each process. */
export interface SplitResult {
  guilds: number;
  shards: number;
  /** Per process: its `SHARDS` value, guilds on its shards and median RSS in bytes. */
  processes: Array<{ shards: string; guilds: number; rss: number; samples: number[] }>;
  /** Sum of the processes' median RSS. */
  totalRss: number;
}

const CONNECT_TIMEOUT_MS = 180_000;

/** `FIRST-LAST/TOTAL` for each of `processes` processes splitting `total` shards. */
export function shardRanges(total: number, processes: number): string[] {
  const ranges: string[] = [];
  let first = 0;
  for (let i = 0; i < processes; i++) {
    const count = Math.floor(total / processes) + (i < total % processes ? 1 : 0);
    if (count === 0) break;
    ranges.push(`${first}-${first + count - 1}/${total}`);
    first += count;
  }
  return ranges;
}

/** Boots `scale.processes` bots over `scale.guilds` seeded guilds and measures each one's RSS. */
export async function measureSplit(scale: SplitScale): Promise<SplitResult> {
  const shards = Math.max(1, Math.ceil(scale.guilds / (scale.guildsPerShard ?? 1000)));
  const fake = await startFakeDiscord({ shards });
  const bots: BotProcess[] = [];
  try {
    const guilds = fake.seedGuilds(scale.guilds, {
      channels: scale.channels,
      roles: scale.roles,
      members: scale.members,
    });
    const ranges = shardRanges(shards, scale.processes);
    for (const range of ranges) {
      bots.push(
        await spawnBot(fake, {
          env: {
            SHARDS: range,
            ...(scale.databaseUrl === undefined ? {} : { DATABASE_URL: scale.databaseUrl }),
          },
        }),
      );
    }
    const startedAt = performance.now();
    const connected = fake.waitFor(
      () => Array.from({ length: shards }, (_, id) => fake.gateway.isConnected(id)).every(Boolean),
      CONNECT_TIMEOUT_MS,
      `all ${shards} shard(s) connected`,
    );
    for (const bot of bots) await whileAlive(bot, connected, { doing: "connecting" });
    const read = barrier(fake, guilds);
    for (const bot of bots) await whileAlive(bot, read, { doing: "reading the guilds" });
    const settling = { startedAt, quick: scale.quick === true };
    await Promise.all(
      bots.map((bot) => whileAlive(bot, settle(fake, bot, settling), { doing: "settling" })),
    );

    const processes = [];
    for (const [i, bot] of bots.entries()) {
      const samples: number[] = [];
      for (let s = 0; s < (scale.samples ?? 7); s++) {
        if (s > 0) await new Promise((resolve) => setTimeout(resolve, 250));
        samples.push(await bot.rss());
      }
      const [first, last] = (ranges[i] ?? "0-0").split("/")[0]!.split("-").map(Number);
      const mine = guilds.filter((g) => {
        const shard = fake.gateway.shardOf(g.id);
        return shard >= (first ?? 0) && shard <= (last ?? 0);
      }).length;
      processes.push({ shards: ranges[i] ?? "", guilds: mine, rss: median(samples), samples });
    }
    for (const bot of bots) {
      const status = await bot.stop();
      if (status.code !== 0) {
        throw new Error(`A bot stopped with code ${status.code}. Its output:\n${bot.output()}`);
      }
    }
    const broken = fake.violations.filter((v) => v.kind !== "deadline");
    if (broken.length > 0 || fake.earlyRetries().length > 0) fake.assertNoViolations();
    return {
      guilds: scale.guilds,
      shards,
      processes,
      totalRss: processes.reduce((sum, p) => sum + p.rss, 0),
    };
  } finally {
    for (const bot of bots) await bot.stop().catch(() => {});
    await fake.close();
  }
}
