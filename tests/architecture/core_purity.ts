/**
 * The rule that `core/` is pure: it imports no Discord library, database driver or
 * `node:` module, and reaches for no runtime (`Deno.`), timer, randomness or network
 * itself; time, ids and I/O come through its ports. Unit tests beside the code are
 * exempt (they use `Deno.test` and `node:assert`). Comments and strings do not count.
 */
import { isTestFile, readSourceFiles } from "./source_files.ts";
import { lineAt, readSource, staticImports } from "./source_text.ts";

/** One breach of the rule: where, and what was found. */
export interface Impurity {
  path: string;
  line: number;
  found: string;
}

/** Import specifiers `core/` may not use (with or without an `npm:` prefix). */
const FORBIDDEN_IMPORTS: readonly RegExp[] = [
  /^(?:npm:)?@discordeno\//,
  /^(?:npm:)?discordeno(?:@|\/|$)/,
  /^(?:npm:)?kysely(?:@|\/|$)/,
  /^(?:npm:)?pg(?:@|\/|$)/,
  /^(?:npm:)?mysql2(?:@|\/|$)/,
  /^node:/,
];

/**
 * Globals `core/` may not touch. A member of something else (`ctx.clock.setTimeout`,
 * `port.fetch(`) is not the global; `globalThis.x` is.
 */
const FORBIDDEN_CODE: ReadonlyArray<readonly [string, RegExp]> = [
  ["Deno.", /(?<![\w$]|\.\s*)Deno\s*\./g],
  ["setTimeout", /(?<![\w$]|\.\s*)setTimeout\b/g],
  ["setInterval", /(?<![\w$]|\.\s*)setInterval\b/g],
  ["Math.random", /(?<![\w$]|\.\s*)Math\s*\.\s*random\b/g],
  ["crypto.", /(?<![\w$]|\.\s*)crypto\s*\./g],
  ["fetch(", /(?<![\w$]|\.\s*)fetch\s*\(/g],
];

/**
 * Whether the name ending at `end` is a member being declared (`fetch(key: string):
 * string;` in an interface, `setTimeout: …` as a key, a method `{ fetch() { … } }`)
 * rather than the global being used.
 */
function declaresMember(code: string, end: number): boolean {
  let i = end;
  while (/\s/.test(code[i] ?? "")) i++;
  if (code[i] === "?" || code[i] === ":") return true;
  if (code[i - 1] !== "(" && code[i] !== "(") return false;
  let depth = 0;
  for (i = code[i - 1] === "(" ? i - 1 : i; i < code.length; i++) {
    if (code[i] === "(") depth++;
    else if (code[i] === ")" && --depth === 0) break;
  }
  i++;
  while (/\s/.test(code[i] ?? "")) i++;
  return code[i] === ":" || code[i] === "{";
}

/** Every impurity in the modules under `root/core/`. */
export async function coreImpurities(root: string): Promise<Impurity[]> {
  const found: Impurity[] = [];
  for (const file of await readSourceFiles(root)) {
    if (!file.path.startsWith("core/") || isTestFile(file.path)) continue;
    const source = readSource(file.text);
    for (const { specifier, line } of staticImports(source)) {
      if (FORBIDDEN_IMPORTS.some((pattern) => pattern.test(specifier))) {
        found.push({ path: file.path, line, found: `import "${specifier}"` });
      }
    }
    const code = source.code.replace(/\bglobalThis\s*\.\s*/g, (m) => " ".repeat(m.length));
    for (const [name, pattern] of FORBIDDEN_CODE) {
      for (const match of code.matchAll(pattern)) {
        if (declaresMember(code, match.index + match[0].length)) continue;
        found.push({ path: file.path, line: lineAt(code, match.index), found: name });
      }
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}
