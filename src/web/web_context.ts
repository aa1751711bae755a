/**
 * What every route of the web app reads, and the steps they share: finding the
 * session, answering 404 and 403 pages, and finding a ticket the viewer may see.
 */
import type { Context } from "hono";
import { html } from "hono/html";
import type { GuildId } from "../core/ids.ts";
import type { Ticket, TicketType } from "../core/model.ts";
import type { Clock, Stores, WebStores } from "../core/ports.ts";
import type { DiscordSignIn } from "./discord_sign_in.ts";
import { page } from "./layout.ts";
import type { MemberLookup } from "./member_lookup.ts";
import type { Session, Sessions } from "./session.ts";
import type { Signer } from "./signer.ts";
import { webText } from "./web_language.ts";
import { type TicketAccess, ticketAccess } from "./ticket_access.ts";

/** Where the web pages live below the HTTP server's root. */
export const WEB_BASE = "/web";

/** Everything the routes use. */
export interface WebDeps {
  /** `PUBLIC_URL` without a trailing slash. */
  publicUrl: string;
  stores:
    & Pick<Stores, "tickets" | "types" | "transcripts" | "feedback" | "stats">
    & Partial<Pick<Stores, "notes">>
    & WebStores;
  lookup: MemberLookup;
  sessions: Sessions;
  signIn: DiscordSignIn;
  /** Signs the sign-in state cookie. */
  stateSigner: Signer;
  /** Signs share links. */
  shareSigner: Signer;
  clock: Clock;
  /** The bot's application id (its user id): its own messages are not a staff member's. */
  applicationId: string;
}

/** The 404 page: what a person who may not see something gets too, so nothing is confirmed. */
export function notFound(c: Context, session: Session | null): Response | Promise<Response> {
  const tr = webText(c);
  return page(c, {
    title: tr.t("web.not_found"),
    status: 404,
    session,
    base: WEB_BASE,
    body: html`
      <h1>${tr.t("web.not_found")}</h1>
      <p>${tr.t("web.not_found_text")}
            <a href="${WEB_BASE}/">${tr.t("web.your_tickets")}</a></p>
    `,
  });
}

/** The 403 page of a form without its CSRF token. */
export function forbiddenForm(c: Context, session: Session | null): Response | Promise<Response> {
  const tr = webText(c);
  return page(c, {
    title: tr.t("web.form_refused_title"),
    status: 403,
    session,
    base: WEB_BASE,
    body: html`
      <h1>${tr.t("web.form_refused")}</h1>
      <p>${tr.t("web.form_refused_text")}</p>
    `,
  });
}

/** Redirects to sign-in, coming back to this page afterwards. */
export function toSignIn(c: Context): Response {
  const url = new URL(c.req.url);
  return c.redirect(`${WEB_BASE}/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** A ticket the viewer may see, with its type and how they may see it. */
export interface VisibleTicket {
  ticket: Ticket;
  type: TicketType | null;
  access: TicketAccess;
}

/** Ticket `number` of `guildId` if `session`'s person may see it; null otherwise (404). */
export async function visibleTicket(
  deps: WebDeps,
  session: Session,
  ref: { guildId: string; number: string },
): Promise<VisibleTicket | null> {
  if (!/^\d{1,20}$/.test(ref.guildId) || !/^\d{1,9}$/.test(ref.number)) return null;
  const guildId = ref.guildId as GuildId;
  const ticket = await deps.stores.tickets.byNumber(guildId, Number(ref.number));
  if (ticket === null) return null;
  const [type, members, viewer] = await Promise.all([
    deps.stores.types.get(ticket.typeId),
    deps.stores.tickets.members(ticket.id),
    deps.lookup.viewer(guildId, session.userId),
  ]);
  const access = ticketAccess(ticket, { userId: session.userId, viewer, type, members });
  return access === null ? null : { ticket, type, access };
}
