/**
 * Memory at scale: the whole bot in its own process receives READY and one
 * GUILD_CREATE per guild (channels, roles and members included) from a fake
 * Discord, then its resident memory is sampled once it has settled.
 */
import type { FakeDiscord, FakeGuild } from "../fake_discord/fake_discord.ts";
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { slashCommand } from "../fixtures/interactions.ts";
import { type BotProcess, spawnBot } from "./bot_process.ts";
import type { OtherBot } from "./other_checkout.ts";
import { type LatencyResult, measureLatency } from "./latency_bench.ts";
import { cpuMs } from "./process_cpu.ts";
import { median } from "./stats.ts";

/** What one scale is made of. */
export interface MemoryScale {
  guilds: number;
  channels: number;
  roles: number;
  members: number;
  /** Guilds per shard `GET /gateway/bot` recommends (Discord suggests about 1,000). */
  guildsPerShard?: number;
  /** RSS samples taken after settling (default 7, 250 ms apart). */
  samples?: number;
  /** Concurrent interactions to time once memory is measured (0: none). */
  interactions?: number;
  /** Samples once the bot is quiet for 3 s, without waiting for V8's memory reducer (tiny scales). */
  quick?: boolean;
  /** Another checkout's bot instead of this one's (`--against`). */
  bot?: OtherBot;
}

/** What was measured at one scale. */
export interface MemoryResult {
  guilds: number;
  shards: number;
  /** Median of the samples, in bytes. */
  rss: number;
  samples: number[];
  /** From spawning the bot until every shard answered after its last GUILD_CREATE. */
  deliveredMs: number;
  latency: LatencyResult | null;
}

const CONNECT_TIMEOUT_MS = 120_000;
/**
 * When the bot's memory is sampled: after V8's memory reducer has run, which it
 * does 30 s after the process starts at the earliest, then 8 s after the last full
 * collection, which may come later than the last change the samples see, and
 * sometimes in two steps: it collects and gives pages back. Before it, the figure
 * is the moment before V8 tidies up after the GUILD_CREATE burst: on 2026-12-03
 * that moment was 2.7 MB larger at 3,000 guilds and 4.7 MB at 10,000.
 */
const IDLE = { quietMs: 20_000, uptimeMs: 40_000 };
/** For tiny scales in tests: quiet for 3 s, whenever that is. */
const QUICK = { quietMs: 3_000, uptimeMs: 0 };
const SETTLE_LIMIT_MS = 90_000;

/** Rejects with the bot's output when the bot exits before `promise` settles. */
export async function whileAlive<T>(
  bot: BotProcess,
  promise: Promise<T>,
  options: { doing: string },
): Promise<T> {
  const died = bot.exited.then((status) => {
    throw new Error(
      `The bot exited (code ${status.code}) while ${options.doing}. Its output:\n${bot.output()}`,
    );
  });
  return await Promise.race([promise, died]);
}

/** A text channel of the guild, for interactions. */
function textChannel(fake: FakeDiscord, guild: FakeGuild): string {
  const channel = fake.state.channelsOf(guild.id).find((c) => c.type === 0);
  if (channel !== undefined) return channel.id;
  return fake.createChannel(guild, { name: "general" }).id;
}

/**
 * Every shard has handled everything sent before: one `/config show` per shard,
 * sent after the last GUILD_CREATE, is answered only once the bot has read the
 * dispatches ahead of it on that connection.
 */
export async function barrier(fake: FakeDiscord, guilds: FakeGuild[]): Promise<void> {
  const byShard = new Map<number, FakeGuild>();
  for (const guild of guilds) {
    const shard = fake.gateway.shardOf(guild.id);
    if (!byShard.has(shard)) byShard.set(shard, guild);
  }
  await Promise.all([...byShard.values()].map(async (guild) => {
    const answer = await fake.interact(slashCommand(fake, {
      guild,
      channel: textChannel(fake, guild),
      user: guild.owner_id,
      name: "config",
      subcommand: "show",
    })).response;
    if (answer.type !== 4) throw new Error(`Unexpected answer type ${answer.type}`);
  }));
}

/**
 * Waits until the bot's work after startup is done: no REST call and no change of
 * its RSS by more than 0.5 MB for a while (the startup reconciliation runs through
 * every guild in the database without calling Discord), and, unless `quick`, until
 * V8's memory reducer has had its turn (see `IDLE`). `startedAt` is when the bot
 * was spawned (`performance.now()`).
 */
export async function settle(
  fake: FakeDiscord,
  bot: BotProcess,
  options: { startedAt: number; quick: boolean },
): Promise<void> {
  const { quietMs, uptimeMs } = options.quick ? QUICK : IDLE;
  const limit = performance.now() + SETTLE_LIMIT_MS;
  let calls = fake.calls.length;
  let rss = await bot.rss();
  let quietSince = performance.now();
  while (performance.now() < limit) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await bot.rss();
    if (fake.calls.length !== calls || Math.abs(now - rss) > 512 * 1024) {
      calls = fake.calls.length;
      rss = now;
      quietSince = performance.now();
    } else if (
      performance.now() - quietSince >= quietMs &&
      performance.now() - options.startedAt >= uptimeMs
    ) {
      return;
    }
  }
}

/** Boots the bot against `scale.guilds` seeded guilds and measures its RSS. */
export async function measureMemory(scale: MemoryScale): Promise<MemoryResult> {
  const shards = Math.max(1, Math.ceil(scale.guilds / (scale.guildsPerShard ?? 1000)));
  const fake = await startFakeDiscord({ shards });
  try {
    const guilds = fake.seedGuilds(scale.guilds, {
      channels: scale.channels,
      roles: scale.roles,
      members: scale.members,
    });
    await using bot = await spawnBot(fake, scale.bot === undefined ? {} : { bot: scale.bot });
    const started = performance.now();
    await whileAlive(
      bot,
      fake.waitFor(
        () =>
          Array.from({ length: shards }, (_, id) => fake.gateway.isConnected(id)).every(Boolean),
        CONNECT_TIMEOUT_MS,
        `all ${shards} shard(s) connected`,
      ),
      { doing: "connecting" },
    );
    await whileAlive(bot, barrier(fake, guilds), { doing: "reading the guilds" });
    const deliveredMs = performance.now() - started;
    const sent = fake.gateway.log.filter((e) => e.direction === "out" && e.t === "GUILD_CREATE");
    if (sent.length !== scale.guilds) {
      throw new Error(`The fake sent ${sent.length} GUILD_CREATE, not ${scale.guilds}`);
    }
    const settling = { startedAt: started, quick: scale.quick === true };
    await whileAlive(bot, settle(fake, bot, settling), { doing: "settling" });

    const samples: number[] = [];
    for (let i = 0; i < (scale.samples ?? 7); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      samples.push(await bot.rss());
    }

    const latency = (scale.interactions ?? 0) > 0
      ? await whileAlive(
        bot,
        measureLatency(fake, guilds[0] ?? fake.createGuild({ name: "latency" }), {
          interactions: scale.interactions ?? 0,
          cpuMs: () => cpuMs(bot.pid),
        }),
        { doing: "answering interactions" },
      )
      : null;

    const status = await bot.stop();
    if (status.code !== 0) {
      throw new Error(`The bot stopped with code ${status.code}. Its output:\n${bot.output()}`);
    }
    // Late answers are reported as figures; anything else Discord would refuse is a failure.
    const broken = fake.violations.filter((v) => v.kind !== "deadline");
    if (broken.length > 0 || fake.earlyRetries().length > 0) fake.assertNoViolations();
    return { guilds: scale.guilds, shards, rss: median(samples), samples, deliveredMs, latency };
  } finally {
    await fake.close();
  }
}
