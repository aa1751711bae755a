/**
 * The lookup: a message of the catalog of one language, its arguments filled in
 * by ICU MessageFormat (plurals, selects, numbers). A key the English catalog
 * lacks, or a missing or misnamed argument, is a type error.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { EN, type MessageKey } from "./en.ts";
import { loadedCatalog, loadedLanguage } from "./catalogs.ts";
import { DEFAULT_LOCALE, type Locale } from "./locale.ts";
import type { MessageParams } from "./message_params.ts";
import { formatDate, formatDateTime } from "./date_format.ts";

/** The arguments a key's English message takes: none, or one object of them. */
export type ParamsOf<K extends MessageKey> = keyof MessageParams<(typeof EN)[K]> extends never ? []
  : [params: MessageParams<(typeof EN)[K]>];

/** Messages and dates in one language. */
export interface Translator {
  readonly locale: Locale;
  /** The message `key` in this language with `params` filled in. */
  t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string;
  /** A date and time as this language writes it (`timeZone` default UTC). */
  dateTime(date: Date, options?: { timeZone?: string }): string;
  /** A date as this language writes it (`timeZone` default UTC). */
  date(date: Date, options?: { timeZone?: string }): string;
  /**
   * `build()`, built once per process and language and kept under `key`: only for
   * text made of this language's messages and the code alone, never of data (the
   * access table of `/config show`).
   */
  memo(key: string, build: () => string): string;
}

/**
 * Text the parser would give back as it is: no argument, tag or quote in it. Most
 * messages are such, and skip the parser (whose constructor resolves the locale and
 * builds its formatters, the most costly step of answering `/config show`).
 */
export function isPlainMessage(message: string): boolean {
  return /^[^{}'<]*$/.test(message);
}

/** A message ready to fill in: the text itself when it is plain, else its parsed form. */
type Compiled = string | IntlMessageFormat;

function compile(message: string, locale: Locale): Compiled {
  return isPlainMessage(message) ? message : new IntlMessageFormat(message, locale);
}

/**
 * A translator for `locale`. Each message is compiled once per process, on first
 * use, and shared by the language's translators. The language's catalog must have
 * been loaded (`loadLanguage` in catalogs.ts, done where a language comes in); until
 * then its messages read as English, compiled once per translator.
 */
export function translator(locale: Locale): Translator {
  const language = loadedLanguage(locale);
  const compiled = (language?.compiled ?? new Map()) as Map<MessageKey, Compiled>;
  const derived = language?.derived ?? new Map<string, string>();
  const format = (key: MessageKey): Compiled => {
    let message = compiled.get(key);
    if (message === undefined) {
      message = compile(loadedCatalog(locale)[key] ?? EN[key], locale);
      compiled.set(key, message);
    }
    return message;
  };
  return {
    locale,
    t(key, ...params) {
      const message = format(key);
      if (typeof message === "string") return message;
      return String(message.format(params[0] as Record<string, unknown> | undefined));
    },
    dateTime: (date, options) => formatDateTime(date, { locale, ...options }),
    date: (date, options) => formatDate(date, { locale, ...options }),
    memo(key, build) {
      let text = derived.get(key);
      if (text === undefined) {
        text = build();
        derived.set(key, text);
      }
      return text;
    },
  };
}

/** The English translator, for callers that do not know the reader's language. */
export function english(): Translator {
  return translator(DEFAULT_LOCALE);
}

/** One message in `locale`: `t("de", "close.closed", { number: 4 })`. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsOf<K>): string {
  return translator(locale).t(key, ...params);
}
