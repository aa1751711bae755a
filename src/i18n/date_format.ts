/** Dates and times as each language writes them, through `Intl.DateTimeFormat`. */
import type { Locale } from "./locale.ts";

/** Which language, and which time zone (default UTC, since the bot knows no reader's zone). */
export interface DateFormatOptions {
  locale: Locale;
  timeZone?: string;
}

/** A date with the time to the minute and the zone's short name, e.g. "1. Dez. 2026, 14:05 UTC". */
export function formatDateTime(date: Date, options: DateFormatOptions): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: options.timeZone ?? "UTC",
  }).format(date) + (options.timeZone === undefined ? " UTC" : "");
}

/** A date alone, e.g. "1 déc. 2026". */
export function formatDate(date: Date, options: DateFormatOptions): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: "medium",
    timeZone: options.timeZone ?? "UTC",
  }).format(date);
}
