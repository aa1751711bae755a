/**
 * The whole bot as an operator runs it (`src/main.ts` in its own process), pointed
 * at a fake Discord, with its resident memory read from `/proc/<pid>/status`.
 */
import { V8_FLAGS } from "../../src/runtime_flags.ts";
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";

const ROOT = new URL("../../", import.meta.url);
const MAIN = new URL("src/main.ts", ROOT).href;
/** Variables passed through: where Deno keeps its caches; nothing that configures the bot. */
const PASS_THROUGH = [
  "HOME",
  "PATH",
  "DENO_DIR",
  "XDG_CACHE_HOME",
  "TMPDIR",
  "DENO_NO_UPDATE_CHECK",
];

/** A running bot process. */
export interface BotProcess extends AsyncDisposable {
  readonly pid: number;
  /** Resident set size in bytes (`VmRSS`). */
  rss(): Promise<number>;
  /** Everything the bot wrote to stdout and stderr so far (the last 64 KB). */
  output(): string;
  /** Whether it exited, and with which code. */
  readonly exited: Promise<Deno.CommandStatus>;
  /** SIGTERM, then waits for exit (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<Deno.CommandStatus>;
}

const OUTPUT_LIMIT = 64 * 1024;

/** Options of `spawnBot`. */
export interface SpawnOptions {
  /** Extra environment variables for the bot. */
  env?: Record<string, string>;
  /** Extra `deno run` flags (e.g. `--v8-flags=--prof` to profile). */
  denoFlags?: string[];
}

/** Starts `src/main.ts` against `fake` with `sqlite::memory:`, HTTP off and the gateway on. */
export function spawnBot(fake: FakeDiscord, options: SpawnOptions = {}): BotProcess {
  const child = new Deno.Command(Deno.execPath(), {
    // The permissions of `deno task start`.
    args: [
      "run",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-write",
      V8_FLAGS,
      ...(options.denoFlags ?? []),
      MAIN,
    ],
    cwd: ROOT,
    env: {
      ...Object.fromEntries(
        PASS_THROUGH.flatMap((name) => {
          const value = Deno.env.get(name);
          return value === undefined ? [] : [[name, value]];
        }),
      ),
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: "sqlite::memory:",
      HTTP_PORT: "0",
      LOG_LEVEL: "warning",
      NO_COLOR: "1",
      ...options.env,
    },
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const text of stream.pipeThrough(new TextDecoderStream())) {
      output = (output + text).slice(-OUTPUT_LIMIT);
    }
  };
  const drained = Promise.all([collect(child.stdout), collect(child.stderr)]);
  const exited = child.status.then(async (status) => {
    await drained;
    return status;
  });
  const stop = async (timeoutMs = 10_000) => {
    try {
      child.kill("SIGTERM");
    } catch {
      // Already gone.
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const killer = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch {
          // Already gone.
        }
        resolve();
      }, timeoutMs);
    });
    await Promise.race([exited, killer]);
    const status = await exited;
    clearTimeout(timer);
    return status;
  };
  return {
    pid: child.pid,
    async rss() {
      const status = await Deno.readTextFile(`/proc/${child.pid}/status`);
      const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
      if (kb === undefined) throw new Error(`Cannot read VmRSS of process ${child.pid}`);
      return Number(kb) * 1024;
    },
    output: () => output,
    exited,
    stop,
    async [Symbol.asyncDispose]() {
      await stop();
    },
  };
}
