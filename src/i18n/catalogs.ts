/**
 * The catalogs by language. English is always loaded: it is the fallback of every
 * message. Each other language is loaded the first time its language comes in from
 * outside: a guild's settings as the store reads them, an interaction's locales as
 * the dispatcher receives them, a member's stored locale, a web request's language.
 * Rendering stays synchronous; a process whose guilds and members all read English
 * never loads the other languages' messages (about 2 MB of resident memory).
 */
import { type Catalog, EN } from "./en.ts";
import type { Locale } from "./locale.ts";

/** How each language but English is loaded (each import names its module, so `deno compile` embeds it). */
const IMPORTS: { readonly [L in Exclude<Locale, "en">]: () => Promise<Catalog> } = {
  de: async () => (await import("./de.ts")).DE,
  fr: async () => (await import("./fr.ts")).FR,
  "es-ES": async () => (await import("./es.ts")).ES,
  "pt-BR": async () => (await import("./pt_br.ts")).PT_BR,
};

/**
 * A loaded language: its catalog, its messages as the translator compiled them
 * (each on first use, then shared by every translator of the language), and text
 * made of its messages alone (`Translator.memo`).
 */
export interface LoadedLanguage {
  readonly catalog: Catalog;
  readonly compiled: Map<string, unknown>;
  readonly derived: Map<string, string>;
}

function loaded(catalog: Catalog): LoadedLanguage {
  return { catalog, compiled: new Map(), derived: new Map() };
}

/**
 * The languages this process has loaded: code loaded once, as the module map holds
 * it, and what is derived from it alone; never data that a decision rests on (see
 * tests/architecture_test.ts).
 */
const LOADED = new Map<Locale, LoadedLanguage>([["en", loaded(EN)]]);

/** The catalog of `locale` when it is loaded, else English. */
export function loadedCatalog(locale: Locale): Catalog {
  return LOADED.get(locale)?.catalog ?? EN;
}

/** `locale`'s catalog and compiled messages, or null while it is not loaded. */
export function loadedLanguage(locale: Locale): LoadedLanguage | null {
  return LOADED.get(locale) ?? null;
}

/** Whether the messages of `locale` are loaded. */
export function isLoaded(locale: Locale): boolean {
  return LOADED.has(locale);
}

/** Loads the messages of `locale` (nothing to do for English, null, or a loaded one). */
export async function loadLanguage(locale: Locale | null | undefined): Promise<void> {
  if (locale === null || locale === undefined || LOADED.has(locale)) return;
  const catalog = await IMPORTS[locale as Exclude<Locale, "en">]();
  if (!LOADED.has(locale)) LOADED.set(locale, loaded(catalog));
}

/** Loads the messages of every language in `locales`. */
export async function loadLanguages(
  locales: ReadonlyArray<Locale | null | undefined>,
): Promise<void> {
  await Promise.all(locales.map(loadLanguage));
}

/** The catalog of `locale`, loaded first when it is not yet. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  await loadLanguage(locale);
  return loadedCatalog(locale);
}
