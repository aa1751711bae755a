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

/** The finest unit each kind of style shows, in milliseconds. */
const SHOWN_UNIT_MS = { day: 86_400_000, minute: 60_000, second: 1_000 };

/** The date formats of transcripts in `locale`. */
export function timeFormat(locale: Locale = DEFAULT_LOCALE): TimeFormat {
  // Each format with its last date's text: a transcript's messages come in order,
  // and those of one minute share their stamp (ICU formats it once).
  const formats = new Map<
    string,
    { made: Intl.DateTimeFormat; unit: number; slot: number; text: string }
  >();
  const format = (key: string, options: Intl.DateTimeFormatOptions, date: Date) => {
    let entry = formats.get(key);
    if (entry === undefined) {
      const made = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
      const unit = options.timeStyle === undefined
        ? SHOWN_UNIT_MS.day
        : options.timeStyle === "short"
        ? SHOWN_UNIT_MS.minute
        : SHOWN_UNIT_MS.second;
      entry = { made, unit, slot: Number.NaN, text: "" };
      formats.set(key, entry);
    }
    // In UTC a day, a minute and a second are whole multiples of the epoch's.
    const slot = Math.floor(date.getTime() / entry.unit);
    if (slot !== entry.slot) {
      const text = entry.made.format(date);
      entry.slot = slot;
      entry.text = options.timeStyle === undefined ? text : `${text} UTC`;
    }
    return entry.text;
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
