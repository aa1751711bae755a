/**
 * Times in the HTML transcript: every one is a `<time datetime>` whose text is
 * UTC in the transcript's language, so the page reads without scripts; the
 * pinned local-time script then rewrites the text in the reader's time zone and
 * language, following the element's `data-style`: Discord's `<t:...:style>`
 * letters (`t T d D f F R`), or `s` for the transcript's own short stamps.
 */
import { escapeHtml } from "./escape.ts";
import { type TimeFormat, timeFormat, type TimeStyle } from "./format_time.ts";

export type { TimeStyle } from "./format_time.ts";

/** A `<time>` element for `date`: UTC text, machine-readable `datetime`, style for the script. */
export function timeElement(
  date: Date,
  style: TimeStyle,
  options: { className?: string; format?: TimeFormat } = {},
) {
  const format = options.format ?? timeFormat();
  if (Number.isNaN(date.getTime())) return `<time>${escapeHtml(format.styled(date, style))}</time>`;
  const cls = options.className === undefined ? "" : ` class="${escapeHtml(options.className)}"`;
  return `<time${cls} datetime="${date.toISOString()}" data-style="${style}">${
    escapeHtml(format.styled(date, style))
  }</time>`;
}
