/**
 * The rule that a module of `src/` keeps to Latin-1 (U+0000 to U+00FF): V8 holds a
 * module's source at one byte per character only when every character of it fits in
 * one byte, and at two bytes otherwise, its inline source map included. Text beyond
 * Latin-1 is written as an escape (`"l\u2019ouverture"`): the same string at runtime.
 * Unit tests are exempt (they are not loaded by the bot).
 */
import { isTestFile, readSourceFiles } from "./source_files.ts";

/** A character beyond Latin-1 in a module. */
export interface WideCharacter {
  path: string;
  line: number;
  /** The character, as `U+2019 (’)`. */
  found: string;
}

const WIDE = /[\u0100-\u{10ffff}]/gu;

/** The first character beyond Latin-1 on each line of every module under `root`. */
export async function wideCharacters(root: string): Promise<WideCharacter[]> {
  const found: WideCharacter[] = [];
  for (const file of await readSourceFiles(root)) {
    if (isTestFile(file.path)) continue;
    file.text.split("\n").forEach((text, index) => {
      const char = text.match(WIDE)?.[0];
      if (char === undefined) return;
      const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      found.push({ path: file.path, line: index + 1, found: `U+${code} (${char})` });
    });
  }
  return found;
}
