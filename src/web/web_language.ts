/**
 * The language of the web pages: the one the reader chose with the chooser (a
 * cookie), else the best of their browser's `Accept-Language`, else English.
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { fromAcceptLanguage, isLocale, type Locale } from "../i18n/locale.ts";
import { type Translator, translator } from "../i18n/translator.ts";

/** The cookie that keeps the language chosen on the pages. */
export const LANGUAGE_COOKIE = "ticketeer_lang";

/** The reader's language for this request. */
export function webLocale(c: Context): Locale {
  const chosen = getCookie(c, LANGUAGE_COOKIE);
  if (chosen !== undefined && isLocale(chosen)) return chosen;
  return fromAcceptLanguage(c.req.header("accept-language"));
}

/** The reader's translator for this request. */
export function webText(c: Context): Translator {
  return translator(webLocale(c));
}
