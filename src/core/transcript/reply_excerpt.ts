/**
 * The one-line excerpt a reply preview shows of the message it answers, the
 * way Discord shows it: markdown markers removed, mentions resolved to names,
 * spoilers hidden, whitespace folded, cut to one line. Plain text; the caller
 * escapes it.
 */
import type { TimeFormat } from "./format_time.ts";
import { plainMentions } from "./plain_mentions.ts";
import type { MentionNames } from "./types.ts";

/** Longest excerpt, in characters, before it is cut with an ellipsis. */
const MAX_EXCERPT = 100;
/** What a spoiler reads as in an excerpt: its content never shows. */
export const HIDDEN_SPOILER = "\u2592\u2592\u2592\u2592";

/** The markdown-stripped, mention-resolved, spoiler-hidden first line of `content` (times in `time`'s language). */
export function replyExcerpt(
  content: string,
  names: MentionNames,
  options: { time?: TimeFormat } = {},
): string {
  const hidden = content.replace(/\|\|[\s\S]+?\|\|/g, HIDDEN_SPOILER);
  const stripped = plainMentions(hidden, names, options)
    .replace(/```(?:[A-Za-z0-9_+\-.#]{1,32}\n)?([\s\S]*?)```/g, "$1")
    .replace(/\[([^\[\]]{1,1000})\]\(\s*<?[^\s()<>]{1,2048}>?\s*\)/g, "$1")
    .replace(/^(?:#{1,3} +|-# +|>>> |> |[ \t]*(?:[-*]|[0-9]{1,9}\.) +)/gm, "")
    .replace(/(\*\*|__|~~|`+)([\s\S]+?)\1/g, "$2")
    .replace(/(^|\W)[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=\W|$)/g, "$1$2")
    .replace(/\\([^0-9A-Za-z\s])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...stripped];
  return chars.length > MAX_EXCERPT
    ? chars.slice(0, MAX_EXCERPT - 1).join("") + "\u2026"
    : stripped;
}
