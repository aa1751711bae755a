/**
 * Markup inside a catalog message: the message is formatted with `SLOT` for the
 * placeholder, escaped as a whole, and the markup goes where the slot was, so
 * a translation never reaches the page unescaped.
 */
import { escapeHtml } from "./escape.ts";

/** A placeholder no catalog message contains. */
export const SLOT = "\u0000";

/** `text` escaped, with `html` in place of `SLOT`. */
export function fillSlot(text: string, html: string): string {
  return escapeHtml(text).replace(escapeHtml(SLOT), html);
}
