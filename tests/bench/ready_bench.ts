/**
 * Ready time with many stored tickets: guilds are set up once by the bot on a
 * SQLite file, then `tickets` tickets are written straight into it (one in a
 * hundred open, each with its channel on the fake Discord, the rest closed), and
 * the bot is started again on that file. Timed from spawning the process to its
 * "ready" log line, and to the end of the startup reconciliation's requests
 * (the last one before 3 s without any). A figure, not a pass/fail test.
 */
import { join } from "node:path";
import { openDatabase } from "../../src/db/connect.ts";
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { slashCommand } from "../fixtures/interactions.ts";
import { spawnBot } from "./bot_process.ts";
import { whileAlive } from "./memory_bench.ts";

/** What one ready run measured. */
export interface ReadyResult {
  tickets: number;
  open: number;
  guilds: number;
  /** From spawning the process to its "ready" line, in ms. */
  readyMs: number;
  /** From spawning to the last request of the startup pass, in ms. */
  reconciledMs: number;
  /** Requests from Discord's global budget the startup made. */
  requests: number;
}

/** The target (measured, not asserted). */
export const READY_TARGET_MS = 1500;

const BATCH = 500;
const QUIET_MS = 3_000;

/** Runs the ready benchmark with `tickets` stored tickets over `guilds` guilds. */
export async function measureReady(
  options: { tickets: number; guilds?: number },
): Promise<ReadyResult> {
  const guildCount = options.guilds ?? 10;
  const dir = await Deno.makeTempDir({ prefix: "ticketeer_ready_bench_" });
  const path = join(dir, "bench.db");
  const env = { DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: "info" };
  const fake = await startFakeDiscord({ rateLimits: { globalPerSecond: 50 } });
  try {
    const places = Array.from({ length: guildCount }, (_, g) => {
      const guild = fake.createGuild({ name: `Guild ${g}` });
      return { guild, channel: fake.createChannel(guild, { name: "general" }) };
    });
    {
      await using first = await spawnBot(fake, { env });
      await whileAlive(
        first,
        fake.waitFor(() => fake.gateway.isConnected(0), 90_000, "the bot to connect"),
        { doing: "connecting" },
      );
      for (const { guild, channel } of places) {
        const setup = fake.interact(
          slashCommand(fake, { guild, channel, user: guild.owner_id, name: "setup" }),
        );
        await setup.response;
        await setup.waitForEvent("edit_original", 60_000);
      }
      await first.stop();
    }
    const open = await seed(path, fake, options.tickets);
    const before = fake.calls.length;
    const started = performance.now();
    await using bot = await spawnBot(fake, { env });
    await whileAlive(
      bot,
      fake.waitFor(() => /ready: /.test(bot.output()), 120_000, "the ready line"),
      { doing: "starting" },
    );
    const readyMs = performance.now() - started;
    const budget = () =>
      fake.calls.slice(before).filter((c) =>
        !c.route.startsWith("/interactions/") && !c.route.startsWith("/webhooks/")
      );
    let count = -1;
    let lastAt = performance.now();
    while (performance.now() - lastAt < QUIET_MS) {
      const now = budget().length;
      if (now !== count) [count, lastAt] = [now, performance.now()];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await bot.stop();
    return {
      tickets: options.tickets,
      open,
      guilds: guildCount,
      readyMs,
      reconciledMs: Math.max(readyMs, lastAt - started),
      requests: count,
    };
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** Writes `tickets` tickets into the guilds set up in `path`; returns how many are open. */
async function seed(
  path: string,
  fake: Awaited<ReturnType<typeof startFakeDiscord>>,
  tickets: number,
): Promise<number> {
  const handle = await openDatabase({ kind: "sqlite", path });
  try {
    const types = await handle.db.selectFrom("ticket_types")
      .select(["id", "guild_id", "category_id"]).execute();
    if (types.length === 0) throw new Error("No guild was set up");
    const now = Date.now();
    let open = 0;
    for (let start = 0; start < tickets; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(tickets, start + BATCH); i++) {
        const type = types[i % types.length]!;
        const isOpen = i % 100 === 0;
        let channelId: string | null = null;
        if (isOpen) {
          open++;
          channelId = fake.createChannel(type.guild_id, {
            name: `ticket-${i}`,
            ...(type.category_id === null ? {} : { parent: type.category_id }),
          }).id;
        }
        rows.push({
          guild_id: type.guild_id,
          number: Math.floor(i / types.length) + 1,
          type_id: type.id,
          channel_id: channelId,
          opener_id: String(300000000000000000n + BigInt(i % 5000)),
          status: isOpen ? "open" : "closed",
          topic: null,
          answers: "[]",
          created_at: now - (tickets - i) * 60_000,
          closed_at: isOpen ? null : now - (tickets - i) * 60_000 + 30_000,
          assistant_paused: 0,
        });
      }
      await handle.db.insertInto("tickets").values(rows).execute();
    }
    return open;
  } finally {
    await handle.close();
  }
}

/** A ready run as one line. */
export function formatReady(r: ReadyResult): string[] {
  return [
    `ready with ${r.tickets} stored tickets (${r.open} open, ${r.guilds} guilds): ` +
    `${r.readyMs.toFixed(0)} ms (≤ ${READY_TARGET_MS} ms); startup reconciliation done after ` +
    `${(r.reconciledMs / 1000).toFixed(1)} s, ${r.requests} requests`,
  ];
}

if (import.meta.main) {
  const tickets = Number(Deno.args[0] ?? "100000");
  const result = await measureReady({ tickets });
  Deno.stdout.writeSync(new TextEncoder().encode(`${JSON.stringify(result)}\n`));
}
