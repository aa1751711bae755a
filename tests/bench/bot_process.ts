/**
 * The whole bot as an operator runs it (the shipped bundle in its own process), pointed
 * at a fake Discord, with its resident memory read from `/proc/<pid>/status`.
 */
import { RUNTIME_FLAGS } from "../../src/app/runtime_flags.ts";
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import { envForFake, spawnTicketeer, START_PERMISSIONS } from "../fixtures/ticketeer_process.ts";
import type { OtherBot } from "./other_checkout.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** A running bot process. */
export interface BotProcess extends AsyncDisposable {
  readonly pid: number;
  /** Resident set size in bytes (`VmRSS`). */
  rss(): Promise<number>;
  /** Everything the bot wrote to stdout and stderr so far (the last 64 KB). */
  output(): string;
  /** Whether it exited, and with which code. */
  readonly exited: Promise<{ code: number }>;
  /** SIGTERM, then waits for exit (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<{ code: number }>;
}

const OUTPUT_LIMIT = 64 * 1024;

/** Options of `spawnBot`. */
export interface SpawnOptions {
  /** Extra environment variables for the bot. */
  env?: Record<string, string>;
  /** Extra `deno run` flags (e.g. `--cpu-prof` to profile). */
  denoFlags?: string[];
  /** Another checkout's bot, started as its start task does, instead of this one's bundle. */
  bot?: OtherBot;
}

/** Starts the shipped bundle against `fake` with `sqlite::memory:`, HTTP off and the gateway on. */
export async function spawnBot(fake: FakeDiscord, options: SpawnOptions = {}): Promise<BotProcess> {
  const other = options.bot;
  const bot = await spawnTicketeer([], {
    // The permissions and runtime flags of `deno task start` (this checkout's or the other's).
    denoFlags: [
      ...(other === undefined ? [...START_PERMISSIONS, ...RUNTIME_FLAGS] : other.flags),
      ...(options.denoFlags ?? []),
    ],
    ...(other === undefined ? {} : { entry: other.entry }),
    cwd: other?.dir ?? ROOT,
    env: envForFake(fake, ":memory:", {
      LOG_LEVEL: "warning",
      ...other?.env,
      ...options.env,
    }),
    outputLimit: OUTPUT_LIMIT,
  });
  return {
    pid: bot.pid,
    async rss() {
      const status = await Deno.readTextFile(`/proc/${bot.pid}/status`);
      const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
      if (kb === undefined) throw new Error(`Cannot read VmRSS of process ${bot.pid}`);
      return Number(kb) * 1024;
    },
    output: bot.output,
    exited: bot.finished,
    stop: bot.stop,
    async [Symbol.asyncDispose]() {
      await bot.stop();
    },
  };
}
