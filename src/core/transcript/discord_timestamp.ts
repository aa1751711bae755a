/**
 * Times in the HTML transcript: every one is a `<time datetime>` whose text is
 * UTC, so the page reads without scripts; the pinned local-time script then
 * rewrites the text in the reader's time zone, following the element's
 * `data-style`: Discord's `<t:…:style>` letters (`t T d D f F R`), or `s` for
 * the transcript's own short stamps.
 */
import { escapeHtml } from "./escape.ts";
import { formatTime } from "./format_time.ts";

/** Discord's timestamp styles, plus `s` for the transcript's own stamps. */
export type TimeStyle = "t" | "T" | "d" | "D" | "f" | "F" | "R" | "s";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function longDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A date in one of Discord's timestamp styles, in UTC (`R` reads as the full date). */
export function formatStyledTime(date: Date, style: TimeStyle): string {
  if (Number.isNaN(date.getTime())) return "unknown time";
  const iso = date.toISOString();
  const hm = iso.slice(11, 16);
  switch (style) {
    case "t":
      return `${hm} UTC`;
    case "T":
      return `${iso.slice(11, 19)} UTC`;
    case "d":
      return iso.slice(0, 10);
    case "D":
      return longDate(date);
    case "F":
      return `${DAYS[date.getUTCDay()]}, ${longDate(date)} ${hm} UTC`;
    case "f":
    case "R":
      return `${longDate(date)} ${hm} UTC`;
    case "s":
      return formatTime(date);
  }
}

/** A `<time>` element for `date`: UTC text, machine-readable `datetime`, style for the script. */
export function timeElement(date: Date, style: TimeStyle, options: { className?: string } = {}) {
  if (Number.isNaN(date.getTime())) return `<time>unknown time</time>`;
  const cls = options.className === undefined ? "" : ` class="${escapeHtml(options.className)}"`;
  return `<time${cls} datetime="${date.toISOString()}" data-style="${style}">${
    escapeHtml(formatStyledTime(date, style))
  }</time>`;
}
