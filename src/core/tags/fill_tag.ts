/**
 * A saved answer's text as sent: `{opener}` and `{staff}` become mentions of the
 * ticket's opener and of the staff member sending it, `{number}` the ticket's
 * number. Other braces are left as written.
 */
import type { UserId } from "../ids.ts";

/** What the placeholders stand for. */
export interface TagValues {
  opener: UserId;
  staff: UserId;
  number: number;
}

/** `content` with its placeholders filled in. */
export function fillTag(content: string, values: TagValues): string {
  return content.replace(
    /\{(opener|staff|number)\}/g,
    (_, name: string) =>
      name === "opener"
        ? `<@${values.opener}>`
        : name === "staff"
        ? `<@${values.staff}>`
        : String(values.number),
  );
}
