import { type TimeFormat, timeFormat } from "./format_time.ts";
import type { MentionNames } from "./types.ts";

const MENTION =
  /<(@!?|@&|#)([0-9]{1,20})>|<a?:([A-Za-z0-9_]{1,32}):[0-9]{1,20}>|<t:(-?[0-9]{1,13})(?::[tTdDfFR])?>/g;

/** Replaces Discord's mention, emoji and timestamp syntax with readable text (times in `time`'s language). */
export function plainMentions(
  content: string,
  names: MentionNames,
  options: { time?: TimeFormat } = {},
): string {
  const time = options.time ?? timeFormat();
  return content.replace(
    MENTION,
    (whole, sigil: string | undefined, id: string | undefined, emoji, seconds) => {
      if (emoji !== undefined) return `:${emoji}:`;
      if (seconds !== undefined) {
        const date = new Date(Number(seconds) * 1000);
        return Number.isNaN(date.getTime()) ? whole : time.stamp(date);
      }
      const key = id ?? "";
      if (sigil === "#") return `#${names.channels.get(key) ?? key}`;
      if (sigil === "@&") return `@${names.roles.get(key)?.name ?? key}`;
      return `@${names.users.get(key) ?? key}`;
    },
  );
}
