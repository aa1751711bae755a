/**
 * The frame of every web page: the header with sign-out and the language
 * chooser, the stylesheet, `<html lang>` in the reader's language, and the
 * headers every page carries (a strict Content-Security-Policy that allows
 * nothing from another host, no framing by others, no caching of private pages).
 */
import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { LOCALE_NAMES, LOCALES } from "../i18n/locale.ts";
import type { Translator } from "../i18n/translator.ts";
import { csrfInput } from "./csrf.ts";
import type { Session } from "./session.ts";
import { webText } from "./web_language.ts";

/** Escaped HTML as hono's `html` template makes it. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The policy of every page: own styles, own frames (the transcript), forms to itself. */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
  "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Headers every web response carries. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
  };
}

/** The language chooser: a small form that comes back to this page (`POST {base}/language`). */
function languageChooser(
  c: Context,
  tr: Translator,
  options: { session: Session | null; base: string },
): Html {
  const url = new URL(c.req.url);
  return html`
    <form class="language" method="post"
      action="${options.base}/language">${options.session === null
        ? ""
        : csrfInput(options.session)}<input type="hidden" name="next" value="${url.pathname +
        url.search}">
        <label>${tr.t("web.language")} <select name="lang">${LOCALES.map((locale) =>
          html`
            <option value="${locale}" ${locale === tr.locale
              ? html`
                selected
              `
              : ""}>${LOCALE_NAMES[locale]}</option>
          `
        )}</select></label><button class="quiet">${tr.t("web.language_change")}</button></form>
  `;
}

/** Renders a page inside the site's frame, in the reader's language. */
export function page(
  c: Context,
  content: { title: string; body: Html; session: Session | null; base: string; status?: number },
): Response | Promise<Response> {
  const { session, base } = content;
  const tr = webText(c);
  const account = session === null
    ? html`<a href="${base}/login">${tr.t("web.sign_in")}</a>`
    : html`
      <span class="muted">${session.username}</span>
      <form method="post"
        action="${base}/logout">${csrfInput(session)}<button class="quiet">${tr.t(
          "web.sign_out",
        )}</button></form>
    `;
  const body = html`
    <!doctype html>
    <html lang="${tr.locale}">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>${content.title} · ticketeer</title>
        <link rel="stylesheet" href="${base}/style.css">
      </head>
      <body>
        <header class="site"><a class="brand" href="${base}/">ticketeer</a>
    <nav><a href="${base}/">${tr.t("web.nav_mine")}</a></nav>${account}${languageChooser(c, tr, {
      session,
      base,
    })}</header>
        <main>${content.body}</main>
      </body>
    </html>
  `;
  for (const [name, value] of Object.entries(securityHeaders(PAGE_CSP))) c.header(name, value);
  c.header("content-language", tr.locale);
  c.header("vary", "accept-language, cookie");
  return c.html(body, (content.status ?? 200) as 200);
}
