/**
 * `GET /web/t/{guild}/{number}`: a ticket's page (its view: facts, the stored
 * transcript in a sandboxed frame, downloads); staff also see the audit trail
 * (people by name), the share links and the staff notes (`.../staff-notes.html`,
 * never served to anyone else). `.../transcript.html`, `.../download.html`,
 * `.../download.txt` serve the transcript itself, one of a reopened ticket's
 * transcripts with `?transcript=N` (the latest by default). Who may not see the
 * ticket, or asks for a transcript it does not have, gets the 404 page.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { AuditEvent } from "../core/model.ts";
import type { Translator } from "../i18n/translator.ts";
import { csrfInput } from "./csrf.ts";
import { type Html, page } from "./layout.ts";
import { namesOf, type PeopleNames, personCell } from "./people_names.ts";
import { chosenTranscript, ticketNames, ticketView } from "./ticket_view.ts";
import type { Session } from "./session.ts";
import { shareToken } from "./share_token.ts";
import { formatOf, transcriptDocument } from "./transcript_document.ts";
import {
  notFound,
  toSignIn,
  type VisibleTicket,
  visibleTicket,
  WEB_BASE,
  type WebDeps,
} from "./web_context.ts";
import { whenText } from "./when_text.ts";
import { webText } from "./web_language.ts";
import { renderStaffNotes } from "../core/transcript/staff_notes.ts";

function auditTable(events: AuditEvent[], names: PeopleNames, tr: Translator): Html {
  if (events.length === 0) return html`<p class="muted">${tr.t("web.nothing_recorded")}</p>`;
  return html`
    <table>
      <thead>
        <tr>
          <th>${tr.t("web.col_when")}</th>
          <th>${tr.t("web.col_what")}</th>
          <th>${tr.t("web.col_who")}</th>
          <th class="wide">${tr.t("web.col_details")}</th>
        </tr>
      </thead>
      <tbody>${events.map((e) =>
        html`
          <tr>
            <td>${whenText(e.createdAt, tr)}</td>
            <td>${e.action}</td>
            <td>${personCell(names, { guildId: e.guildId, userId: e.actorId })}</td>
            <td class="wide"><code>${JSON.stringify(e.detail).slice(0, 300)}</code></td>
          </tr>
        `
      )}</tbody>
    </table>
  `;
}

async function staffSection(
  deps: WebDeps,
  session: Session,
  visible: VisibleTicket,
  tr: Translator,
) {
  const { ticket } = visible;
  const root = `${WEB_BASE}/t/${ticket.guildId}/${ticket.number}`;
  const [events, links] = await Promise.all([
    deps.stores.browser.auditTrail(ticket.id),
    deps.stores.shareLinks.activeFor(ticket.id, deps.clock.now()),
  ]);
  const names = await namesOf(
    deps.lookup,
    events.map((e) => ({ guildId: e.guildId, userId: e.actorId })),
  );
  const items = [];
  for (const link of links) {
    const url = `${deps.publicUrl}${WEB_BASE}/s/${await shareToken(deps.shareSigner, link)}`;
    items.push(
      html`<li><a href="${url}">${url}</a> <span class="muted">${
        tr.t("web.share_until", { when: whenText(link.expiresAt, tr) })
      }</span>
      <form method="post" action="${root}/share/${link.id}/revoke">${
        csrfInput(session)
      }<button class="danger">${tr.t("web.share_revoke")}</button></form></li>`,
    );
  }
  const notes = await deps.stores.notes?.list(ticket.id) ?? [];
  const notesView = notes.length === 0 ? "" : html`
    <h2>Staff notes</h2>
    <p class="muted">Only staff see these; the opener's transcript never holds them.</p>
    <iframe class="transcript" title="Staff notes of ticket ${ticket
      .number}" sandbox="allow-scripts"
      src="${root}/staff-notes.html"></iframe>
  `;
  return html`${notesView}<h2>${tr.t("web.share_links")}</h2>
    ${
    items.length === 0
      ? html`<p class="muted">${tr.t("web.share_none")}</p>`
      : html`<ul class="links">${items}</ul>`
  }
    <form class="filters" method="post" action="${root}/share">${csrfInput(session)}
      <label>${
    tr.t("web.share_days")
  }<input name="days" type="number" min="1" max="30" value="7"></label>
      <button>${tr.t("web.share_make")}</button></form>
    <h2>${tr.t("web.audit_trail")}</h2>${auditTable(events, names, tr)}`;
}

async function ticketPage(c: Context, deps: WebDeps): Promise<Response> {
  const session = await deps.sessions.read(c);
  if (session === null) return toSignIn(c);
  const visible = await visibleTicket(deps, session, {
    guildId: c.req.param("guild") ?? "",
    number: c.req.param("number") ?? "",
  });
  if (visible === null) return notFound(c, session);
  const { ticket } = visible;
  const tr = webText(c);
  const choice = await chosenTranscript(deps, ticket.id, c.req.query("transcript"));
  if (choice === null) return notFound(c, session);
  const isStaff = visible.access === "staff";
  const view = ticketView(ticket, {
    tr,
    root: `${WEB_BASE}/t/${ticket.guildId}/${ticket.number}`,
    hasTranscript: choice.list.length > 0,
    guildName: await deps.lookup.guildName(ticket.guildId),
    names: await ticketNames(deps.lookup, ticket),
    choice,
    feedback: isStaff ? await deps.stores.feedback.get(ticket.id) : null,
  });
  const staff = isStaff ? await staffSection(deps, session, visible, tr) : "";
  return await page(c, {
    title: tr.t("web.ticket_title", { number: ticket.number }),
    session,
    base: WEB_BASE,
    body: html`${view}${staff}`,
  });
}

/** The staff notes as a framed document, for staff only (404 to anyone else). */
async function staffNotesDocument(c: Context, deps: WebDeps): Promise<Response> {
  const session = await deps.sessions.read(c);
  if (session === null) return notFound(c, session);
  const visible = await visibleTicket(deps, session, {
    guildId: c.req.param("guild") ?? "",
    number: c.req.param("number") ?? "",
  });
  if (visible === null || visible.access !== "staff") return notFound(c, session);
  const { ticket } = visible;
  const notes = await deps.stores.notes?.list(ticket.id) ?? [];
  if (notes.length === 0) return notFound(c, session);
  const rendered = renderStaffNotes(notes, `Staff notes · ticket #${ticket.number}`);
  return transcriptDocument(ticket, {
    ticketId: ticket.id,
    sequence: 1,
    html: rendered.html,
    text: rendered.text,
    messageCount: rendered.count,
    byteSize: rendered.html.length,
    createdAt: deps.clock.now(),
  }, "frame");
}

/** Adds the ticket page and its documents to `app`. */
export function transcriptPage(app: Hono, deps: WebDeps): void {
  app.get("/t/:guild/:number", (c) => ticketPage(c, deps));
  app.get("/t/:guild/:number/staff-notes.html", (c) => staffNotesDocument(c, deps));
  app.get("/t/:guild/:number/:document", async (c) => {
    const session = await deps.sessions.read(c);
    const format = formatOf(c.req.param("document"));
    if (session === null || format === null) return notFound(c, session);
    const visible = await visibleTicket(deps, session, {
      guildId: c.req.param("guild"),
      number: c.req.param("number"),
    });
    const choice = visible === null
      ? null
      : await chosenTranscript(deps, visible.ticket.id, c.req.query("transcript"));
    const transcript = visible === null || choice === null || choice.shown === 0
      ? null
      : await deps.stores.transcripts.get(visible.ticket.id, choice.shown);
    if (visible === null || transcript === null) return notFound(c, session);
    return transcriptDocument(visible.ticket, transcript, format);
  });
}
