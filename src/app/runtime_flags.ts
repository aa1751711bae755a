/**
 * V8 flags ticketeer runs with (`deno task start`, the compiled binary, Docker).
 *
 * A one-megabyte young generation: V8 otherwise grows it to tens of megabytes
 * while the gateway delivers a burst of GUILD_CREATE payloads, and the process
 * keeps that memory for good. Measured with `deno task bench` on the same fixture:
 * 111 MB at 1,000 guilds without the flag, 74 MB with it, and interaction latency
 * no worse. The `start`, `dev` and `compile` tasks and the Dockerfile repeat it.
 */
export const V8_FLAGS = "--v8-flags=--max-semi-space-size=1";
