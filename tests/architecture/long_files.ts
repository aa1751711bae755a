/**
 * The rule that a module over 300 lines says why in its opening comment: the comment
 * before its first line of code holds a sentence starting "Longer than" or "Kept in one
 * file because". Unit tests are exempt.
 */
import { isTestFile, readSourceFiles } from "./source_files.ts";

/** Lines a module may have without saying why. */
export const MAX_LINES = 300;

/** Options of `unexplainedLongFiles`. */
export interface LongFileOptions {
  /** Lines a module may have without saying why (default `MAX_LINES`). */
  maxLines?: number;
}

/** A long module whose opening comment does not say why. */
export interface LongFile {
  path: string;
  lines: number;
}

/** The comments before a module's first line of code. */
export function openingComment(text: string): string {
  const match = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/.exec(text);
  return match?.[0] ?? "";
}

/** Whether `comment` gives a reason for the module's length. */
export function explainsLength(comment: string): boolean {
  const words = comment.replace(/^\s*(?:\/\*\*?|\*\/?|\/\/)/gm, " ").replace(/\s+/g, " ");
  return /(?:^|[.:;!?]\s|\s-\s|^\s)(?:Longer than|Kept in one file because)\b/.test(words);
}

/** Every module under `root` longer than the limit whose opening comment does not say why. */
export async function unexplainedLongFiles(
  root: string,
  options: LongFileOptions = {},
): Promise<LongFile[]> {
  const maxLines = options.maxLines ?? MAX_LINES;
  const found: LongFile[] = [];
  for (const file of await readSourceFiles(root)) {
    if (isTestFile(file.path)) continue;
    const lines = file.text.replace(/\n$/, "").split("\n").length;
    if (lines > maxLines && !explainsLength(openingComment(file.text))) {
      found.push({ path: file.path, lines });
    }
  }
  return found;
}
