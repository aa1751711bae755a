/**
 * The frame of every web page: the header with sign-out, the stylesheet, and
 * the headers every page carries (a strict Content-Security-Policy that allows
 * nothing from another host, no framing by others, no caching of private pages).
 */
import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { csrfInput } from "./csrf.ts";
import type { Session } from "./session.ts";

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

/** Renders a page inside the site's frame. */
export function page(
  c: Context,
  content: { title: string; body: Html; session: Session | null; base: string; status?: number },
): Response | Promise<Response> {
  const { session, base } = content;
  const account = session === null ? html`<a href="${base}/login">Sign in with Discord</a>` : html`
    <span class="muted">${session.username}</span>
    <form method="post"
      action="${base}/logout">${csrfInput(session)}<button class="quiet">Sign out</button></form>
  `;
  const body = html`
    <!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>${content.title} · ticketeer</title>
        <link rel="stylesheet" href="${base}/style.css">
      </head>
      <body>
        <header class="site"><a class="brand" href="${base}/">ticketeer</a>
    <nav><a href="${base}/">My tickets</a></nav>${account}</header>
        <main>${content.body}</main>
      </body>
    </html>
  `;
  for (const [name, value] of Object.entries(securityHeaders(PAGE_CSP))) c.header(name, value);
  return c.html(body, (content.status ?? 200) as 200);
}
