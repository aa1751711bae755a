/** Lists the TypeScript modules under a folder, the way the architecture rules walk `src/`. */
import { join, relative, sep } from "node:path";

/** A module under the scanned root: its path relative to the root (with `/`) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Whether `path` is a unit test (`foo_test.ts`, `test.ts`). */
export function isTestFile(path: string): boolean {
  return /(?:^|[/_])test\.ts$/.test(path);
}

/** Every `.ts` file under `root`, sorted by path. */
export async function readSourceFiles(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(dir)) {
      const full = join(dir, entry.name);
      if (entry.isDirectory) await walk(full);
      else if (entry.isFile && entry.name.endsWith(".ts")) {
        const path = relative(root, full).split(sep).join("/");
        files.push({ path, text: await Deno.readTextFile(full) });
      }
    }
  };
  await walk(root);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
