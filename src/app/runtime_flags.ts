/**
 * The flags ticketeer runs with (`deno task start`, the compiled binary, Docker).
 *
 * A one-megabyte young generation: V8 otherwise grows it to tens of megabytes
 * while the gateway delivers a burst of GUILD_CREATE payloads, and the process
 * keeps that memory for good. Measured with `deno task bench` on the same fixture:
 * 111 MB at 1,000 guilds without the flag, 74 MB with it, and interaction latency
 * no worse.
 *
 * V8's optimizing compilers stay on. Without them (`--no-opt,--no-maglev`) the
 * process held 3-4 MB less (their code in the executable stays unpaged, and their
 * threads' allocations), but the bot's JavaScript ran on the interpreter and the
 * baseline compiler only: a burst of 200 `/config show` cost 0.49 ms of CPU per
 * answer against 0.34-0.40 ms with them, and its last answer came 96-110 ms after
 * the burst was sent against 72-85 ms (medians of ten bursts, 2026-12-03), while
 * the first release, which kept them, took 0.31 ms and 66-69 ms.
 *
 * No V8 code cache: with one, Deno maps the cache file in and hands V8 the
 * bytecode a previous run compiled, which V8 keeps for every function in it,
 * called in this process or not. Without it only the functions that run are
 * compiled: about 5 MB less resident memory at 1,000 guilds, for some 40 ms more
 * at start. The `start`, `dev` and `compile` tasks and the Dockerfile repeat both.
 *
 * No update check (`RUNTIME_ENV`): `deno run` otherwise looks for a newer Deno
 * at every start, resolving and connecting to Deno's download host from a
 * background thread, whose DNS, HTTP and TLS code then stays resident: about
 * 1 MB more at 1,000 and 3,000 guilds. A bot should not call out to a host it
 * does not need. The `start` and `dev` tasks set it; a compiled binary has no
 * update check.
 */
export const V8_FLAGS = "--v8-flags=--max-semi-space-size=1";

/** Deno's flag that turns the V8 code cache off (see the module comment). */
export const NO_CODE_CACHE = "--no-code-cache";

/** The environment `deno run` starts the bot with (see the module comment). */
export const RUNTIME_ENV: Readonly<Record<string, string>> = { DENO_NO_UPDATE_CHECK: "1" };

/** Both flags, as `deno run` and `deno compile` take them. */
export const RUNTIME_FLAGS: readonly string[] = [V8_FLAGS, NO_CODE_CACHE];
