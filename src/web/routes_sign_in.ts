/**
 * `/web/login` (to Discord's authorize page, keeping `state`, the PKCE verifier
 * and where to return in a short signed cookie), `/web/auth/callback` (checks
 * `state`, exchanges the code, starts the session) and `POST /web/logout`.
 */
import { getLogger } from "@logtape/logtape";
import type { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { csrfValid } from "./csrf.ts";
import { page } from "./layout.ts";
import { safeNext } from "./safe_next.ts";
import { forbiddenForm, WEB_BASE, type WebDeps } from "./web_context.ts";
import { webText } from "./web_language.ts";

const log = getLogger(["ticketeer", "web"]);

const SIGN_IN_COOKIE = "ticketeer_sign_in";
/** How long a sign-in may take at Discord. */
const SIGN_IN_TTL_S = 600;

/** Adds the sign-in routes to `app` (mounted at `WEB_BASE`). */
export function signInRoutes(app: Hono, deps: WebDeps): void {
  const secure = deps.publicUrl.startsWith("https://");
  const cookie = { httpOnly: true, sameSite: "Lax" as const, secure, path: `${WEB_BASE}/auth` };

  app.get("/login", async (c) => {
    const start = deps.signIn.start();
    const value = encodeURIComponent(JSON.stringify({
      state: start.state,
      verifier: start.verifier,
      next: safeNext(c.req.query("next")),
    }));
    setCookie(c, SIGN_IN_COOKIE, await deps.stateSigner.sign(value), {
      ...cookie,
      maxAge: SIGN_IN_TTL_S,
    });
    return c.redirect(start.url.toString());
  });

  app.get("/auth/callback", async (c) => {
    const signed = getCookie(c, SIGN_IN_COOKIE);
    deleteCookie(c, SIGN_IN_COOKIE, cookie);
    const value = signed === undefined ? null : await deps.stateSigner.verify(signed);
    let saved: { state?: unknown; verifier?: unknown; next?: unknown } = {};
    try {
      if (value !== null) saved = JSON.parse(decodeURIComponent(value));
    } catch {
      saved = {};
    }
    const code = c.req.query("code");
    const state = c.req.query("state");
    if (
      code === undefined || typeof saved.state !== "string" || saved.state !== state ||
      typeof saved.verifier !== "string"
    ) {
      const tr = webText(c);
      return page(c, {
        title: tr.t("web.sign_in_failed"),
        status: 400,
        session: null,
        base: WEB_BASE,
        body: html`
          <h1>${tr.t("web.sign_in_unfinished")}</h1>
          <p>${tr.t("web.sign_in_unfinished_text")} <a href="${WEB_BASE}/login">${tr.t(
            "web.sign_in_again",
          )}</a></p>
        `,
      });
    }
    try {
      const user = await deps.signIn.finish(code, saved.verifier);
      await deps.sessions.start(c, user);
    } catch (error) {
      log.warning("A web sign-in failed at Discord's token exchange: {error}", {
        error: error instanceof Error ? error.message : String(error),
      });
      const tr = webText(c);
      return page(c, {
        title: tr.t("web.sign_in_failed"),
        status: 502,
        session: null,
        base: WEB_BASE,
        body: html`
          <h1>${tr.t("web.sign_in_unconfirmed")}</h1>
          <p><a href="${WEB_BASE}/login">${tr.t("web.try_again")}</a></p>
        `,
      });
    }
    return c.redirect(safeNext(typeof saved.next === "string" ? saved.next : undefined));
  });

  app.post("/logout", async (c) => {
    const session = await deps.sessions.read(c);
    const form = await c.req.formData().catch(() => new FormData());
    if (session === null || !csrfValid(session, form)) return forbiddenForm(c, session);
    deps.sessions.end(c);
    return c.redirect(`${WEB_BASE}/`);
  });
}
