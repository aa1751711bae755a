/**
 * `POST /web/language`: the language chooser. It keeps the chosen language in a
 * cookie for a year and goes back to the page it came from. A signed-in person's
 * form must carry their session's CSRF token; without a session there is no
 * account a forged form could change, so the choice is taken as it comes.
 */
import type { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { isLocale } from "../i18n/locale.ts";
import { csrfValid } from "./csrf.ts";
import { safeNext } from "./safe_next.ts";
import { forbiddenForm, WEB_BASE, type WebDeps } from "./web_context.ts";
import { LANGUAGE_COOKIE } from "./web_language.ts";

/** How long the choice is kept, in seconds. */
const LANGUAGE_TTL_S = 365 * 24 * 3600;

/** Adds `POST /language` to `app`. */
export function languageRoutes(app: Hono, deps: WebDeps): void {
  app.post("/language", async (c) => {
    const session = await deps.sessions.read(c);
    const form = await c.req.formData().catch(() => new FormData());
    if (session !== null && !csrfValid(session, form)) return forbiddenForm(c, session);
    const lang = form.get("lang");
    const next = form.get("next");
    if (typeof lang === "string" && isLocale(lang)) {
      setCookie(c, LANGUAGE_COOKIE, lang, {
        httpOnly: true,
        sameSite: "Lax",
        secure: deps.publicUrl.startsWith("https://"),
        path: WEB_BASE,
        maxAge: LANGUAGE_TTL_S,
      });
    }
    return c.redirect(safeNext(typeof next === "string" ? next : null), 303);
  });
}
