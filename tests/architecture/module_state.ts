/**
 * The rule that `src/` keeps no module-level mutable state. A static scan of each
 * module's top-level declarations (comments and strings blanked) flags:
 * - a top-level `let` or `var`;
 * - a top-level `const` holding a `new Map`, `Set`, `WeakMap`, `WeakSet` or `Array`,
 *   unless it is typed `ReadonlyMap`, `ReadonlySet` or `readonly T[]` (a constant table);
 * - a top-level `const` holding an array or object literal that its module mutates
 *   (`X.push(`, `X.set(`, `X[k] =`, `X.a.b = `, `delete X.k`, `Object.assign(X`),
 *   unless it is `Object.freeze`d or `as const`.
 * Unit tests are exempt. Mutation from another module is not looked for.
 */
import { isTestFile, readSourceFiles } from "./source_files.ts";
import { lineAt, readSource } from "./source_text.ts";

/** One piece of module-level mutable state. */
export interface ModuleState {
  path: string;
  line: number;
  name: string;
  why: string;
}

/** A top-level `let`, `var` or `const` and what it holds. */
export interface Declaration {
  keyword: "let" | "var" | "const";
  name: string;
  type: string;
  init: string;
  offset: number;
}

const MUTATING_METHODS =
  "push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin|set|delete|clear|add";

/** The declarations at the top level of `code` (outside every bracket). */
export function topLevelDeclarations(code: string): Declaration[] {
  const found: Declaration[] = [];
  let depth = 0;
  let statementStart = true;
  for (let i = 0; i < code.length; i++) {
    const char = code[i] ?? "";
    if (depth === 0 && statementStart && /\S/.test(char)) {
      statementStart = false;
      const head = /^(?:export\s+)?(?:declare\s+)?(let|var|const)\s+([\w$]+(?=\s*[:=;,])|[[{])/
        .exec(
          code.slice(i, i + 200),
        );
      if (head !== null) {
        const end = statementEnd(code, i);
        const text = code.slice(i + head[0].length - (head[2]?.length ?? 0), end);
        const eq = initializerStart(text);
        found.push({
          keyword: head[1] as Declaration["keyword"],
          name: head[2] ?? "",
          type: eq === -1 ? "" : text.slice((head[2] ?? "").length, eq).replace(/^\s*:/, ""),
          init: eq === -1 ? "" : text.slice(eq + 1).trim(),
          offset: i,
        });
        i = end;
        statementStart = true;
        continue;
      }
    }
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ";" || char === "}" || char === "\n")) statementStart = true;
  }
  return found;
}

/** The offset of the `;` that ends the statement starting at `start` (or the end). */
function statementEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const char = code[i] ?? "";
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (char === ";" && depth === 0) return i;
  }
  return code.length;
}

/** The offset of the declaration's `=` (outside brackets and type arguments), or -1. */
function initializerStart(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if ("([{<".includes(char)) depth++;
    else if (")]}".includes(char) || (char === ">" && text[i - 1] !== "=")) depth--;
    else if (char === "=" && depth === 0 && !"=>".includes(text[i + 1] ?? "")) return i;
  }
  return -1;
}

function escapeName(name: string): string {
  return name.replace(/\$/g, "\\$");
}

/** Whether `code` mutates what the top-level `name` holds. */
function mutates(code: string, name: string): boolean {
  const n = escapeName(name);
  const path = String.raw`(?<![\w$.])${n}(?:\s*(?:\.\s*[\w$]+|\[[^\]]*\]))*`;
  const patterns = [
    new RegExp(String.raw`${path}\s*\.\s*(?:${MUTATING_METHODS})\s*\(`),
    new RegExp(
      String
        .raw`${path}(?:\s*\.\s*[\w$]+|\s*\[[^\]]*\])\s*(?:(?<![=!<>])=(?![=>])|\+\+|--|[-+*/%&|^]=)`,
    ),
    new RegExp(String.raw`\bdelete\s+${path}`),
    new RegExp(String.raw`\bObject\s*\.\s*assign\s*\(\s*${n}\b`),
  ];
  return patterns.some((pattern) => pattern.test(code));
}

/** Why a declaration is mutable state, or null when it is not. */
function judge(declaration: Declaration, code: string): string | null {
  if (declaration.keyword !== "const") return `top-level ${declaration.keyword}`;
  const init = declaration.init;
  const collection = /^new\s+(Map|Set|WeakMap|WeakSet|Array)\b/.exec(init);
  if (collection !== null) {
    const readonly = /^\s*(?:Readonly(?:Map|Set|Array)\b|readonly\s)/.test(declaration.type);
    return readonly && !collection[1]?.startsWith("Weak")
      ? null
      : `a ${collection[1]} that any code may change`;
  }
  if (!/^[[{]/.test(init)) return null;
  if (/\bas\s+const\b(?:\s+satisfies\b[\s\S]*)?$/.test(init)) return null;
  if (!mutates(code, declaration.name)) return null;
  return `a literal its module mutates`;
}

/** Every piece of module-level mutable state in the modules under `root`. */
export async function moduleState(root: string): Promise<ModuleState[]> {
  const found: ModuleState[] = [];
  for (const file of await readSourceFiles(root)) {
    if (isTestFile(file.path)) continue;
    const code = readSource(file.text).code;
    for (const declaration of topLevelDeclarations(code)) {
      if (/^Object\s*\.\s*freeze\s*\(/.test(declaration.init)) continue;
      const why = judge(declaration, code);
      if (why === null) continue;
      found.push({
        path: file.path,
        line: lineAt(code, declaration.offset),
        name: declaration.name,
        why,
      });
    }
  }
  return found;
}
