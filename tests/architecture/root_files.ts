/** The rule for `src/`'s root: only the entry point, the configuration, logging and the version. */

/** The files `src/` may hold at its root (each may have its `_test.ts` beside it). */
export const ROOT_FILES: readonly string[] = ["main.ts", "config.ts", "log.ts", "version.ts"];

/** The files at the root of `root` that are not allowed there (folders are always allowed). */
export async function strayRootFiles(root: string): Promise<string[]> {
  const allowed = new Set(ROOT_FILES.flatMap((name) => [name, name.replace(/\.ts$/, "_test.ts")]));
  const stray: string[] = [];
  for await (const entry of Deno.readDir(root)) {
    if (!entry.isDirectory && !allowed.has(entry.name)) stray.push(entry.name);
  }
  return stray.sort();
}
