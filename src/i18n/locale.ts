/**
 * The shipped languages and how a reader's language is chosen: from a Discord
 * locale (`en-US`, `de`, `es-419`, `pt-BR`...) or an HTTP `Accept-Language`
 * header, falling back to English.
 */

/** Every shipped language, as Discord and `/config set language` name it. */
export const LOCALES = ["en", "de", "fr", "es-ES", "pt-BR"] as const;

/** A shipped language. */
export type Locale = (typeof LOCALES)[number];

/** The language every missing or unknown one falls back to. */
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's own name, as a chooser shows it. */
export const LOCALE_NAMES: { readonly [L in Locale]: string } = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  "es-ES": "Español",
  "pt-BR": "Português (Brasil)",
};

/** True when `value` names a shipped language exactly. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The shipped language for one language tag, or null when none fits (`es-419` -> `es-ES`). */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const language = lower.split(/[-_]/)[0];
  if (language === "es") return "es-ES";
  if (language === "pt") return "pt-BR";
  return LOCALES.find((l) => l === language) ?? null;
}

/** The language for a Discord locale (`en-US`, `fr`, `es-419`...); English when none fits. */
export function fromDiscordLocale(locale: string | null | undefined): Locale {
  return (locale ? matchLocale(locale) : null) ?? DEFAULT_LOCALE;
}

/** The best shipped language for an `Accept-Language` header, by its q-values; else English. */
export function fromAcceptLanguage(header: string | null | undefined): Locale {
  const ranges = (header ?? "").split(",").map((part, index) => {
    const [tag = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
  }).filter((r) => r.tag !== "" && r.tag !== "*" && r.quality > 0);
  ranges.sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const locale = matchLocale(range.tag);
    if (locale !== null) return locale;
  }
  return DEFAULT_LOCALE;
}
