/**
 * What ships is one bundle of `src/main.ts`, not its module tree: `deno task build`
 * writes it to `dist/bundle/` (`deno bundle --platform=deno --code-splitting`),
 * and `deno task start`, the compile tasks and the Dockerfile run or embed that,
 * as do the tests that start ticketeer as a process and the benchmarks. `deno task
 * dev` and the in-process tests run the sources.
 *
 * Why: V8 keeps the source of every module it loads for as long as the process
 * lives, with each module's records beside it. The tree loads some 700 modules:
 * ours as Deno emits them, each with an inline source map, and the npm packages
 * with theirs (discordeno's files carry maps as large as their code), and all of
 * `@discordeno/types` for the few enums the gateway and REST code name. The
 * bundle is some 80 files of plain JavaScript (each dynamic import is a chunk of
 * its own, loaded when it runs, as before), without source maps and without the
 * exports nothing imports. Measured idle with `deno task bench`: 69-75 MB at
 * 3,000 guilds against 80.5-81.7 MB, and 72 MB at 10,000 in one process against
 * 85 MB; with no TypeScript to emit, fewer of the `deno` executable's pages are
 * resident too. Error stacks name the bundle's lines; `deno task dev` names ours.
 *
 * The build ends with `deno install --entrypoint` on the bundle: the first time
 * `deno run` meets a file it parses it to list its imports and records them in
 * Deno's cache, and that first process keeps 60-70 MB of the parser's memory
 * for good (measured: 136-140 MB at 3,000 guilds on a first run, 69 MB after).
 * Recording it at build time leaves every start the cached path. A compiled
 * binary parses nothing when it starts.
 */

/** Where `deno task build` writes the bundle. */
export const BUNDLE_DIR = "dist/bundle";

/** The bundle's entry point, which the start and compile tasks run. */
export const BUNDLE_ENTRY = `${BUNDLE_DIR}/main.js`;

/** How `deno bundle` is asked for it, besides `--quiet` and `--outdir`. */
export const BUNDLE_FLAGS: readonly string[] = ["--platform=deno", "--code-splitting"];
