/**
 * Dates as the transcripts print them: in the transcript's language through
 * `Intl.DateTimeFormat`, in UTC (whoever reads a stored transcript, the bot
 * knows no zone of theirs; the HTML's pinned script shows local times). The
 * styles are Discord's timestamp letters, plus `s` for the transcript's own stamps.
 */
import { DEFAULT_LOCALE, type Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";

/** Discord's timestamp styles (`<t:...:style>`), plus `s` for the transcript's own stamps. */
export type TimeStyle = "t" | "T" | "d" | "D" | "f" | "F" | "R" | "s";

/** The same options the local-time script uses for each style, so both read alike. */
const STYLES: { readonly [S in TimeStyle]: Intl.DateTimeFormatOptions } = {
  t: { timeStyle: "short" },
  T: { timeStyle: "medium" },
  d: { dateStyle: "short" },
  D: { dateStyle: "long" },
  f: { dateStyle: "long", timeStyle: "short" },
  F: { dateStyle: "full", timeStyle: "short" },
  // Relative times are only relative to when they are read: written, they are dates.
  R: { dateStyle: "long", timeStyle: "short" },
  s: { dateStyle: "medium", timeStyle: "short" },
};

/** Dates of one transcript: its language's formats, each made once. */
export interface TimeFormat {
  readonly locale: Locale;
  /** A date in `style`, in UTC (styles with a time say so). */
  styled(date: Date, style: TimeStyle): string;
  /** The transcript's own stamp: date and time to the minute (or second), in UTC. */
  stamp(date: Date, options?: { seconds?: boolean }): string;
}

/** The date formats of transcripts in `locale`. */
export function timeFormat(locale: Locale = DEFAULT_LOCALE): TimeFormat {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (key: string, options: Intl.DateTimeFormatOptions, date: Date) => {
    let made = formats.get(key);
    if (made === undefined) {
      made = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
      formats.set(key, made);
    }
    const text = made.format(date);
    return options.timeStyle === undefined ? text : `${text} UTC`;
  };
  const unknown = () => t(locale, "transcript.unknown_time");
  return {
    locale,
    styled: (date, style) =>
      Number.isNaN(date.getTime()) ? unknown() : format(style, STYLES[style], date),
    stamp(date, options = {}) {
      if (Number.isNaN(date.getTime())) return unknown();
      return options.seconds
        ? format("seconds", { dateStyle: "medium", timeStyle: "medium" }, date)
        : format("s", STYLES.s, date);
    },
  };
}

/** One stamp in `locale` (default English), to the minute or second, in UTC. */
export function formatTime(
  date: Date,
  options: { seconds?: boolean; locale?: Locale } = {},
): string {
  return timeFormat(options.locale).stamp(date, options);
}
