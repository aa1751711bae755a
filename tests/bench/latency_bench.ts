/**
 * Interaction latency under a burst: many members run `/config show` at the same
 * moment in a guild that was set up before; each is timed by the fake Discord from
 * sending INTERACTION_CREATE to receiving the bot's answer.
 */
import type { FakeDiscord, FakeGuild } from "../fake_discord/fake_discord.ts";
import { slashCommand } from "../fixtures/interactions.ts";
import { percentile } from "./stats.ts";

/** Bursts sent before the measured one. */
const WARM_UP_BURSTS = 3;

/** Discord's deadline for the first answer (the fake's default). */
const DEADLINE_MS = 3_000;

/** Latency of one burst, in milliseconds. */
export interface LatencyResult {
  interactions: number;
  p50: number;
  p99: number;
  max: number;
  /** Interactions not answered within Discord's deadline (3 s). */
  late: number;
}

/** Sets `guild` up with `/setup`, then sends `interactions` `/config show` at once. */
export async function measureLatency(
  fake: FakeDiscord,
  guild: FakeGuild,
  options: { interactions: number },
): Promise<LatencyResult> {
  const channel = fake.state.channelsOf(guild.id).find((c) => c.type === 0) ??
    fake.createChannel(guild, { name: "general" });
  const where = { guild, channel, user: guild.owner_id };

  const setup = fake.interact(slashCommand(fake, { ...where, name: "setup" }));
  await setup.response;
  await setup.waitForEvent("edit_original", 10_000);

  // Payloads first, so the burst is only the sending.
  const burst = () =>
    Array.from(
      { length: options.interactions },
      () => slashCommand(fake, { ...where, name: "config", subcommand: "show" }),
    );
  // Warm-up bursts first (connections to Discord open, hot code compiled by the
  // JIT), as in a bot that has been running for a while; the next burst is measured.
  for (let round = 0; round < WARM_UP_BURSTS; round++) {
    await Promise.allSettled(burst().map((payload) => fake.interact(payload).response));
  }
  const payloads = burst();
  const answers = await Promise.allSettled(
    payloads.map((payload) => fake.interact(payload).response),
  );
  const times: number[] = [];
  let late = 0;
  for (const answer of answers) {
    if (answer.status === "rejected" || answer.value.elapsedMs > DEADLINE_MS) {
      late++;
      continue;
    }
    if (answer.value.type !== 4) {
      throw new Error(`/config show was answered with type ${answer.value.type}, not 4`);
    }
    times.push(answer.value.elapsedMs);
  }
  return {
    interactions: options.interactions,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    late,
  };
}
