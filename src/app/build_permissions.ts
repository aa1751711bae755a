/**
 * The permissions baked into the compiled executable: network, environment, and
 * the data directory only. The `compile` task in deno.json repeats these flags, and
 * `tests/compiled_permissions_test.ts` runs the program with exactly this list and
 * checks that the task still matches it, so the two cannot drift apart.
 *
 * Why each one:
 * - `--allow-net`: Discord REST and gateway, the HTTP server, the relay, and
 *   PostgreSQL or MySQL/MariaDB when `DATABASE_URL` names one.
 * - `--allow-env`: configuration comes from environment variables, and the `pg`
 *   and `mysql2` drivers read their own (`PGHOST`, `USER`, ...) while connecting.
 * - `--allow-read=./data` and `--allow-write=./data`: the SQLite database (with its
 *   `-wal` and `-shm` files) and `LOG_FILE` live in the data directory, resolved
 *   against the working directory when the program starts. In the Docker image the
 *   working directory is `/`, so `./data` is the `/data` volume.
 * - `--no-prompt`: a missing permission fails at once with an error that names it,
 *   instead of waiting at an interactive prompt nobody answers.
 */

/** The data directory every file-system grant is limited to. */
export const DATA_DIRECTORY = "./data";

/** The permission flags of `deno compile`, in the order the compile task lists them. */
export const COMPILE_PERMISSIONS: readonly string[] = [
  "--allow-net",
  "--allow-env",
  `--allow-read=${DATA_DIRECTORY}`,
  `--allow-write=${DATA_DIRECTORY}`,
  "--no-prompt",
];

/** The targets release builds are made for (`deno compile --target`). */
export const COMPILE_TARGETS: readonly string[] = [
  "x86_64-unknown-linux-gnu",
  "aarch64-unknown-linux-gnu",
  "x86_64-apple-darwin",
  "aarch64-apple-darwin",
  "x86_64-pc-windows-msvc",
];
