/**
 * Interaction latency under a burst: many members run `/config show` at the same
 * moment in a guild that was set up before; each is timed by the fake Discord from
 * sending INTERACTION_CREATE to receiving the bot's answer. After three warm-up
 * bursts, seven bursts are measured, each once the one before is answered and a
 * short pause has passed; each figure is the median of the seven bursts' own. One
 * burst alone varies by a third from run to run on a shared machine.
 */
import type { FakeDiscord, FakeGuild } from "../fake_discord/fake_discord.ts";
import { slashCommand } from "../fixtures/interactions.ts";
import { median, percentile } from "./stats.ts";

/** Bursts sent before the measured ones. */
const WARM_UP_BURSTS = 3;

/** Bursts measured (odd, so the median is one of them). */
const MEASURED_BURSTS = 7;

/** Pause between bursts: the bot has answered, and goes on with what follows an answer. */
const PAUSE_MS = 300;

/** Discord's deadline for the first answer (the fake's default). */
const DEADLINE_MS = 3_000;

/** Latency of the measured bursts, in milliseconds (medians of the bursts' figures). */
export interface LatencyResult {
  interactions: number;
  bursts: number;
  p50: number;
  p99: number;
  max: number;
  /** Interactions not answered within Discord's deadline (3 s), all bursts together. */
  late: number;
  /** The bot's CPU per interaction over the measured bursts, or null when not asked for. */
  cpuMsPerInteraction: number | null;
}

/** What `measureLatency` needs besides the fake. */
export interface LatencyOptions {
  interactions: number;
  /** The bot's CPU time so far, in milliseconds (`cpuMs` of `process_cpu.ts`). */
  cpuMs?: () => Promise<number>;
}

/** Sets `guild` up with `/setup`, then sends bursts of `interactions` `/config show` at once. */
export async function measureLatency(
  fake: FakeDiscord,
  guild: FakeGuild,
  options: LatencyOptions,
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
  const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  // Warm-up bursts first (connections to Discord open, hot code compiled by the
  // JIT), as in a bot that has been running for a while.
  for (let round = 0; round < WARM_UP_BURSTS; round++) {
    await Promise.allSettled(burst().map((payload) => fake.interact(payload).response));
    await pause();
  }
  const measured: Array<{ p50: number; p99: number; max: number }> = [];
  let late = 0;
  let busyMs = 0;
  for (let round = 0; round < MEASURED_BURSTS; round++) {
    const payloads = burst();
    const cpuBefore = await options.cpuMs?.();
    const answers = await Promise.allSettled(
      payloads.map((payload) => fake.interact(payload).response),
    );
    const cpuAfter = await options.cpuMs?.();
    if (cpuBefore !== undefined && cpuAfter !== undefined) busyMs += cpuAfter - cpuBefore;
    const times: number[] = [];
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
    if (times.length > 0) {
      measured.push({
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        max: Math.max(...times),
      });
    }
    await pause();
  }
  return {
    interactions: options.interactions,
    bursts: MEASURED_BURSTS,
    p50: median(measured.map((m) => m.p50)),
    p99: median(measured.map((m) => m.p99)),
    max: median(measured.map((m) => m.max)),
    late,
    cpuMsPerInteraction: options.cpuMs === undefined
      ? null
      : busyMs / (MEASURED_BURSTS * options.interactions),
  };
}
