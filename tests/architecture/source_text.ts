/**
 * Reads a TypeScript module the way the architecture rules need it: its code with
 * comments, string contents and regular expressions blanked out (so a word in a
 * comment or a string never counts), and the module specifiers of its static imports
 * and re-exports. Blanking keeps every newline, so offsets still give line numbers.
 */

/** A module's text prepared for scanning. */
export interface SourceText {
  /** The code with comments, string contents and regex literals replaced by spaces. */
  code: string;
  /** Every string literal, with the offset of its opening quote. */
  strings: Array<{ offset: number; value: string }>;
}

/** A static `import … from "x"`, `import "x"` or `export … from "x"`. */
export interface ImportSpecifier {
  specifier: string;
  line: number;
}

type Mode = "code" | "template";

const REGEX_AFTER_WORDS = new Set([
  "return",
  "typeof",
  "case",
  "in",
  "of",
  "delete",
  "void",
  "throw",
  "new",
  "yield",
  "await",
]);

function blank(char: string): string {
  return char === "\n" ? "\n" : " ";
}

/** Whether a `/` at `index` of `out` (the code so far) starts a regex literal. */
function startsRegex(out: string[]): boolean {
  let i = out.length - 1;
  while (i >= 0 && /\s/.test(out[i] ?? "")) i--;
  if (i < 0) return true;
  const prev = out[i] ?? "";
  if (/[(,=:[!&|?{};+\-*%<>~^]/.test(prev)) return true;
  if (!/[\w$]/.test(prev)) return false;
  let start = i;
  while (start > 0 && /[\w$]/.test(out[start - 1] ?? "")) start--;
  return REGEX_AFTER_WORDS.has(out.slice(start, i + 1).join(""));
}

/** Splits `text` into blanked code and its string literals. */
export function readSource(text: string): SourceText {
  const out: string[] = [];
  const strings: SourceText["strings"] = [];
  // Each open template literal, and the brace depth of the `${…}` it is inside.
  const stack: Array<{ mode: Mode; depth: number }> = [{ mode: "code", depth: 0 }];
  let i = 0;
  const push = (char: string) => out.push(char);
  while (i < text.length) {
    const top = stack[stack.length - 1] ?? { mode: "code", depth: 0 };
    const char = text[i] ?? "";
    const next = text[i + 1] ?? "";
    if (top.mode === "template") {
      if (char === "\\") {
        push(" ");
        push(blank(next));
        i += 2;
      } else if (char === "`") {
        stack.pop();
        push("`");
        i++;
      } else if (char === "$" && next === "{") {
        stack.push({ mode: "code", depth: 0 });
        push("$");
        push("{");
        i += 2;
      } else {
        push(blank(char));
        i++;
      }
      continue;
    }
    if (char === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") {
        push(" ");
        i++;
      }
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; i < stop; i++) push(blank(text[i] ?? ""));
    } else if (char === "'" || char === '"') {
      const offset = i;
      let value = "";
      push(char);
      i++;
      while (i < text.length && text[i] !== char && text[i] !== "\n") {
        if (text[i] === "\\") {
          value += text[i + 1] ?? "";
          push(" ");
          push(blank(text[i + 1] ?? ""));
          i += 2;
        } else {
          value += text[i];
          push(" ");
          i++;
        }
      }
      push(char);
      i++;
      strings.push({ offset, value });
    } else if (char === "`") {
      stack.push({ mode: "template", depth: 0 });
      push("`");
      i++;
    } else if (char === "/" && startsRegex(out)) {
      push("/");
      i++;
      let inClass = false;
      while (i < text.length && text[i] !== "\n") {
        const c = text[i];
        if (c === "\\") {
          push(" ");
          push(" ");
          i += 2;
          continue;
        }
        if (c === "[") inClass = true;
        if (c === "]") inClass = false;
        if (c === "/" && !inClass) break;
        push(" ");
        i++;
      }
      push("/");
      i++;
    } else if (char === "{") {
      top.depth++;
      push(char);
      i++;
    } else if (char === "}" && top.depth === 0 && stack.length > 1) {
      // The end of a template literal's `${…}`.
      stack.pop();
      push(char);
      i++;
    } else {
      if (char === "}") top.depth--;
      push(char);
      i++;
    }
  }
  return { code: out.join(""), strings };
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") line++;
  return line;
}

/** The specifiers of the static imports and re-exports of a module (dynamic `import()` left out). */
export function staticImports(source: SourceText): ImportSpecifier[] {
  const found: ImportSpecifier[] = [];
  for (const literal of source.strings) {
    const before = source.code.slice(Math.max(0, literal.offset - 400), literal.offset);
    const fromClause = /\bfrom\s*$/.test(before) && /(?:^|[^\w$.])(?:import|export)\b/.test(before);
    const bare = /(?:^|[;\n}])\s*import\s*$/.test(before);
    if (fromClause || bare) {
      found.push({ specifier: literal.value, line: lineAt(source.code, literal.offset) });
    }
  }
  return found;
}
