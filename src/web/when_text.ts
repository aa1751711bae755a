/** How the web pages write a moment: in the reader's language (`Intl`), UTC, to the minute. */
import type { Translator } from "../i18n/translator.ts";

/** `at` as the reader's language writes it, or a dash when there is none. */
export function whenText(at: Date | null, tr: Translator): string {
  if (at === null) return "\u2014";
  return tr.dateTime(at);
}
