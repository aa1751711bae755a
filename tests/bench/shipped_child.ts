/**
 * A benchmark's measurement in a child process that runs with the shipped bot's
 * runtime flags (no optimizing compiler, a 1 MB young generation, no code cache),
 * so its figures are the bot's and not those of the benchmark's own process.
 */
import { RUNTIME_FLAGS } from "../../src/app/runtime_flags.ts";

/** Runs `deno run -A <flags> <module> <args>` and gives its stdout; throws with its stderr. */
export async function runChild(
  module: string,
  args: string[],
  options: { what: string; flags?: readonly string[] },
): Promise<string> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...(options.flags ?? RUNTIME_FLAGS), new URL(module).pathname, ...args],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  if (!output.success) {
    throw new Error(`The ${options.what} failed: ${new TextDecoder().decode(output.stderr)}`);
  }
  return new TextDecoder().decode(output.stdout);
}

/** Runs `module` as a child (the shipped flags unless `flags`); its last line of output is the JSON result. */
export async function measuredInChild<T>(
  module: string,
  args: string[],
  options: { what: string; flags?: readonly string[] },
): Promise<T> {
  const text = (await runChild(module, args, options)).trim().split("\n").at(-1) ?? "";
  return JSON.parse(text) as T;
}

/** In a child: writes `result` as its one line of JSON. */
export function reportToParent(result: unknown): void {
  Deno.stdout.writeSync(new TextEncoder().encode(`${JSON.stringify(result)}\n`));
}
