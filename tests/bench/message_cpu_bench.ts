/**
 * CPU time of the whole bot per 1,000 gateway `MESSAGE_CREATE`s, in ordinary
 * channels and in a ticket channel, read from outside (`utime + stime` of
 * `/proc/<pid>/stat`), side by side with a bare discordeno client connected to
 * the same shard (the fake sends every session of a shard the same events), each
 * after an unmeasured batch of the same kind.
 */
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { envForFake } from "../fixtures/ticketeer_process.ts";
import { V8_FLAGS } from "../../src/app/runtime_flags.ts";
import { openTicket, setUpGuild } from "../e2e/world.ts";
import { spawnBot } from "./bot_process.ts";
import { cpuMs, TICK_MS } from "./process_cpu.ts";

/** CPU milliseconds per batch of messages. */
export interface MessageCpuResult {
  messages: number;
  ordinaryMs: number;
  ticketMs: number;
  bareOrdinaryMs: number;
  bareTicketMs: number;
}

/** Targets per 1,000 messages (measured, not asserted). */
export const MESSAGE_CPU_TARGETS = { ordinaryMs: 100, ticketMs: 250 };

/** Waits until neither process is busy for 500 ms (a benchmark may wait; a test may not). */
async function settle(pids: number[]): Promise<void> {
  let last = await Promise.all(pids.map(cpuMs));
  let quiet = 0;
  while (quiet < 5) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await Promise.all(pids.map(cpuMs));
    // At most one tick per 100 ms counts as idle (a profiler's sampling thread costs that).
    quiet = now.every((v, i) => v - last[i]! <= TICK_MS) ? quiet + 1 : 0;
    last = now;
  }
}

/** Posts `messages` messages in ordinary channels, then as many in a ticket, and times both. */
export async function measureMessageCpu(
  messages = 1000,
  options: { denoFlags?: string[] } = {},
): Promise<MessageCpuResult> {
  const fake = await startFakeDiscord();
  try {
    await using bot = await spawnBot(
      fake,
      options.denoFlags === undefined ? {} : { denoFlags: options.denoFlags },
    );
    await fake.waitFor(() => fake.gateway.isConnected(0), 30_000, "the bot to connect");
    const g = await setUpGuild(fake, 1);
    const member = g.members[0]!;
    const ticket = await openTicket(g, member);
    const ordinary = Array.from(
      { length: 10 },
      (_, i) => fake.createChannel(g.guild, { name: `general-${i}` }),
    );
    const bare = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", V8_FLAGS, new URL("./bare_client.ts", import.meta.url).pathname],
      env: { NO_COLOR: "1", ...envForFake(fake, ":memory:") },
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    await using _stopBare = {
      async [Symbol.asyncDispose]() {
        bare.kill("SIGKILL");
        await bare.status;
      },
    };
    await fake.waitFor(() => fake.gateway.sessions.size >= 2, 30_000, "the bare client to connect");
    const pids = [bot.pid, bare.pid];
    await settle(pids);

    // Each kind is sent once unmeasured first, so the figures are those of a bot that
    // has been running a while (its hot code compiled by the JIT), as in the latency
    // bench; the first batch also pays for compiling it.
    const batch = async (post: (i: number) => void) => {
      for (let i = 0; i < messages; i++) post(i);
      await settle(pids);
      const before = await Promise.all(pids.map(cpuMs));
      for (let i = 0; i < messages; i++) post(messages + i);
      await settle(pids);
      const after = await Promise.all(pids.map(cpuMs));
      return after.map((v, i) => v - before[i]!);
    };
    const [ordinaryMs, bareOrdinaryMs] = await batch((i) =>
      fake.postMessage(ordinary[i % ordinary.length]!, member, `hello ${i}`)
    );
    const [ticketMs, bareTicketMs] = await batch((i) =>
      fake.postMessage(ticket, member, `in ticket ${i}`)
    );
    return {
      messages,
      ordinaryMs: ordinaryMs!,
      ticketMs: ticketMs!,
      bareOrdinaryMs: bareOrdinaryMs!,
      bareTicketMs: bareTicketMs!,
    };
  } finally {
    await fake.close();
  }
}
