/**
 * Share links: staff make one (`POST .../share`, default 7 days, at most 30) or
 * revoke one (`POST .../share/{id}/revoke`); anyone with a link that is signed,
 * unexpired and not revoked sees the transcript at `/web/s/{token}` without
 * signing in. Every other link answers the 404 page.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { csrfValid } from "./csrf.ts";
import { page } from "./layout.ts";
import { ticketNames, ticketView } from "./ticket_view.ts";
import { readShareToken } from "./share_token.ts";
import { randomToken } from "./signer.ts";
import { formatOf, transcriptDocument } from "./transcript_document.ts";
import { forbiddenForm, notFound, visibleTicket, WEB_BASE, type WebDeps } from "./web_context.ts";
import { webText } from "./web_language.ts";

/** A share link's default lifetime, in days. */
export const SHARE_DEFAULT_DAYS = 7;
const SHARE_MAX_DAYS = 30;
const DAY_MS = 24 * 3600_000;

/** The staff member's ticket for a form, or the response that refuses the form. */
async function staffForm(c: Context, deps: WebDeps) {
  const session = await deps.sessions.read(c);
  const form = await c.req.formData().catch(() => new FormData());
  if (session === null || !csrfValid(session, form)) {
    return { refused: await forbiddenForm(c, session) } as const;
  }
  const visible = await visibleTicket(deps, session, {
    guildId: c.req.param("guild") ?? "",
    number: c.req.param("number") ?? "",
  });
  if (visible === null || visible.access !== "staff") {
    return { refused: await notFound(c, session) } as const;
  }
  return { session, form, ticket: visible.ticket } as const;
}

/** The ticket a share token opens, or null. */
async function sharedTicket(deps: WebDeps, token: string) {
  const now = deps.clock.now();
  const id = await readShareToken(deps.shareSigner, token, now);
  const link = id === null ? null : await deps.stores.shareLinks.get(id);
  if (link === null || link.revokedAt !== null || link.expiresAt <= now) return null;
  const ticket = await deps.stores.tickets.get(link.ticketId);
  const transcript = ticket === null ? null : await deps.stores.transcripts.get(ticket.id);
  return ticket === null || transcript === null ? null : { ticket, transcript };
}

/** Adds the share-link routes to `app`. */
export function shareLinkRoutes(app: Hono, deps: WebDeps): void {
  app.post("/t/:guild/:number/share", async (c) => {
    const checked = await staffForm(c, deps);
    if ("refused" in checked) return checked.refused;
    const asked = Number(checked.form.get("days") ?? SHARE_DEFAULT_DAYS);
    const days = Number.isInteger(asked) && asked >= 1 && asked <= SHARE_MAX_DAYS
      ? asked
      : SHARE_DEFAULT_DAYS;
    const now = deps.clock.now();
    await deps.stores.shareLinks.create({
      id: randomToken(),
      ticketId: checked.ticket.id,
      createdBy: checked.session.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * DAY_MS),
    });
    return c.redirect(`${WEB_BASE}/t/${checked.ticket.guildId}/${checked.ticket.number}`, 303);
  });

  app.post("/t/:guild/:number/share/:link/revoke", async (c) => {
    const checked = await staffForm(c, deps);
    if ("refused" in checked) return checked.refused;
    await deps.stores.shareLinks.revoke(
      checked.ticket.id,
      c.req.param("link"),
      checked.session.userId,
      deps.clock.now(),
    );
    return c.redirect(`${WEB_BASE}/t/${checked.ticket.guildId}/${checked.ticket.number}`, 303);
  });

  app.get("/s/:token", async (c) => {
    const session = await deps.sessions.read(c);
    const token = c.req.param("token");
    const shared = await sharedTicket(deps, token);
    if (shared === null) return notFound(c, session);
    const tr = webText(c);
    const view = ticketView(shared.ticket, {
      tr,
      root: `${WEB_BASE}/s/${token}`,
      hasTranscript: true,
      guildName: await deps.lookup.guildName(shared.ticket.guildId),
      names: await ticketNames(deps.lookup, shared.ticket),
    });
    return page(c, {
      title: tr.t("web.ticket_title", { number: shared.ticket.number }),
      session,
      base: WEB_BASE,
      body: html`${view}<p class="muted">${tr.t("web.shared")}</p>`,
    });
  });

  app.get("/s/:token/:document", async (c) => {
    const format = formatOf(c.req.param("document"));
    const shared = format === null ? null : await sharedTicket(deps, c.req.param("token"));
    if (format === null || shared === null) return notFound(c, await deps.sessions.read(c));
    return transcriptDocument(shared.ticket, shared.transcript, format);
  });
}
