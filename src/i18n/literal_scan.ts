/**
 * Finds user-facing text written in code instead of a catalog: string literals
 * passed to `refuse(code, ...)`, `visible(...)` or `ephemeral(...)`, or given as a
 * message's `content`, an embed's `title` or `value`, a button's `label` or a
 * field's `placeholder`. A literal counts when it holds a word outside its
 * `${...}` and `<...>` parts (mentions and ids alone are not words).
 */

/** One literal that should come from a catalog. */
export interface LiteralHit {
  line: number;
  text: string;
}

const LITERAL = String.raw`("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\x60(?:[^\x60\\]|\\.)*\x60)`;

const PATTERNS: readonly { re: RegExp; words: number }[] = [
  { re: new RegExp(String.raw`\brefuse\(\s*"[a-z_]+",\s*` + LITERAL, "g"), words: 1 },
  { re: new RegExp(String.raw`\b(?:visible|ephemeral)\(\s*` + LITERAL, "g"), words: 1 },
  {
    re: new RegExp(String.raw`\b(?:content|title|label|placeholder):\s*` + LITERAL, "g"),
    words: 1,
  },
  // A field value of one word is often a choice's value ("on"): only sentences count.
  { re: new RegExp(String.raw`\bvalue:\s*` + LITERAL, "g"), words: 2 },
];

function wordCount(literal: string): number {
  const bare = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, " ").replace(/<[^>]*>/g, " ");
  return (bare.match(/\p{L}{2,}/gu) ?? []).length;
}

/** Every literal in `source` that a reader would see but no catalog holds. */
export function userFacingLiterals(source: string): LiteralHit[] {
  const hits: LiteralHit[] = [];
  for (const { re, words } of PATTERNS) {
    for (const match of source.matchAll(re)) {
      const literal = match[1] ?? "";
      if (wordCount(literal) < words) continue;
      const line = source.slice(0, match.index).split("\n").length;
      hits.push({ line, text: literal });
    }
  }
  return hits.sort((a, b) => a.line - b.line);
}
