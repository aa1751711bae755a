/** A link the transcript writes: only to http(s) URLs, never passing the referrer on. */
import { escapeHtml, safeHttpUrl } from "./escape.ts";

/** `label` (already HTML) linked to `url` when it is a safe http(s) URL; else `label` alone. */
export function httpLink(url: string | null, label: string): string {
  const href = url === null ? null : safeHttpUrl(url);
  return href === null
    ? label
    : `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${label}</a>`;
}
