/**
 * Another checkout of ticketeer (an earlier release, say), started the way its own
 * `deno task start` starts it, so that `deno task bench --against=<dir>` measures it
 * with this checkout's fake Discord and benchmarks: two releases compared on one
 * harness. The start task's dependencies (a build) run first, in that checkout.
 */
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { denoTasks } from "../fixtures/build_files.ts";

/** How to start the other checkout's bot. */
export interface OtherBot {
  /** The checkout, absolute; the bot runs there, with its deno.json. */
  dir: string;
  /** `deno run`'s flags before the entry point. */
  flags: string[];
  /** The entry point, absolute. */
  entry: string;
  /** Variables the start task sets before `deno run`. */
  env: Record<string, string>;
}

/** Reads `deno run [flags] entry` out of a start task's command line. */
export function parseStartCommand(
  dir: string,
  command: string,
): Omit<OtherBot, "dir"> {
  const words = command.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) {
    const [name, ...value] = (words.shift() ?? "").split("=");
    env[name ?? ""] = value.join("=");
  }
  if (words[0] !== "deno" || words[1] !== "run") {
    throw new Error(`Cannot start ${dir}: its start task is not "deno run …" but "${command}"`);
  }
  const rest = words.slice(2);
  const at = rest.findIndex((word) => !word.startsWith("-"));
  if (at < 0) throw new Error(`Cannot start ${dir}: its start task names no entry point`);
  return { flags: rest.slice(0, at), entry: resolve(dir, rest[at] ?? ""), env };
}

/** The checkout at `dir`, built if its start task depends on a build. */
export async function otherBot(dir: string): Promise<OtherBot> {
  const root = resolve(dir);
  const tasks = denoTasks(pathToFileURL(`${root}/`));
  const start = tasks.start;
  if (start === undefined) throw new Error(`Cannot start ${root}: its deno.json has no start task`);
  for (const dependency of start.dependencies) {
    const built = await new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", dependency],
      cwd: root,
      stdout: "null",
      stderr: "piped",
    }).output();
    if (!built.success) {
      throw new Error(
        `Cannot start ${root}: "deno task ${dependency}" failed: ` +
          new TextDecoder().decode(built.stderr).slice(-500),
      );
    }
  }
  return { dir: root, ...parseStartCommand(root, start.command) };
}
