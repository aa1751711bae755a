/** Where to send a person back to after signing in or choosing a language. */
import { WEB_BASE } from "./web_context.ts";

/** `next` when it is a page of this site, else the start page. */
export function safeNext(next: string | undefined | null): string {
  if (
    next === undefined || next === null || !next.startsWith(`${WEB_BASE}/`) ||
    next.startsWith("//")
  ) {
    return `${WEB_BASE}/`;
  }
  return /[\\\s]/.test(next) ? `${WEB_BASE}/` : next;
}
