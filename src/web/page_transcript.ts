/**
 * `GET /web/t/{guild}/{number}`: a ticket's page (facts, the stored transcript
 * in a sandboxed frame, downloads); staff also see the audit trail and the share
 * links and the staff notes (`…/staff-notes.html`, never served to anyone else).
 * `…/transcript.html`, `…/download.html`, `…/download.txt` serve the transcript
 * itself. Who may not see the ticket (or the notes) gets the 404 page.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { AuditEvent, Ticket } from "../core/model.ts";
import { csrfInput } from "./csrf.ts";
import { type Html, page } from "./layout.ts";
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
import { renderStaffNotes } from "../core/transcript/staff_notes.ts";

/** The facts, the frame and the downloads of a ticket; `root` is where its documents are. */
export function ticketView(
  ticket: Ticket,
  view: { root: string; hasTranscript: boolean; guildName: string },
): Html {
  const frame = view.hasTranscript
    ? html`
      <div class="actions"><a class="button" href="${view.root}/download.html">Download HTML</a>
              <a class="button" href="${view.root}/download.txt">Download text</a></div>
      <iframe class="transcript" title="Transcript of ticket ${ticket
        .number}" sandbox="allow-scripts"
        src="${view.root}/transcript.html"></iframe>
    `
    : html`<p class="muted">The transcript is written when the ticket closes.</p>`;
  return html`
    <h1>Ticket #${ticket.number}</h1>
        <dl class="facts">
      <dt>Server</dt>
      <dd>${view.guildName}</dd>
      <dt>Status</dt>
      <dd><span class="status ${ticket.status}">${ticket.status}</span></dd>
      <dt>Topic</dt>
      <dd>${ticket.topic ?? "—"}</dd>
      <dt>Opened by</dt>
      <dd><code>${ticket.openerId}</code></dd>
      <dt>Opened</dt>
      <dd>${whenText(ticket.createdAt)}</dd>
      <dt>Claimed by</dt>
      <dd>${ticket.claimedBy === null ? "—" : html`<code>${ticket.claimedBy}</code>`}</dd>
      <dt>Closed</dt>
      <dd>${whenText(ticket.closedAt)}</dd>
      <dt>Reason</dt>
      <dd>${ticket.closeReason ?? "—"}</dd>
    </dl>
        ${frame}
  `;
}

function auditTable(events: AuditEvent[]): Html {
  if (events.length === 0) return html`<p class="muted">Nothing recorded.</p>`;
  return html`
    <table>
      <thead>
        <tr>
          <th>When</th>
          <th>What</th>
          <th>Who</th>
          <th class="wide">Details</th>
        </tr>
      </thead>
      <tbody>${events.map((e) =>
        html`
          <tr>
            <td>${whenText(e.createdAt)}</td>
            <td>${e.action}</td>
            <td>${e.actorId === null ? "—" : html`<code>${e.actorId}</code>`}</td>
            <td class="wide"><code>${JSON.stringify(e.detail).slice(0, 300)}</code></td>
          </tr>
        `
      )}</tbody>
    </table>
  `;
}

async function staffSection(deps: WebDeps, session: Session, visible: VisibleTicket) {
  const { ticket } = visible;
  const root = `${WEB_BASE}/t/${ticket.guildId}/${ticket.number}`;
  const [events, links] = await Promise.all([
    deps.stores.browser.auditTrail(ticket.id),
    deps.stores.shareLinks.activeFor(ticket.id, deps.clock.now()),
  ]);
  const items = [];
  for (const link of links) {
    const url = `${deps.publicUrl}${WEB_BASE}/s/${await shareToken(deps.shareSigner, link)}`;
    items.push(
      html`<li><a href="${url}">${url}</a> <span class="muted">until ${
        whenText(link.expiresAt)
      }</span>
      <form method="post" action="${root}/share/${link.id}/revoke">${
        csrfInput(session)
      }<button class="danger">Revoke</button></form></li>`,
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
  return html`${notesView}<h2>Share links</h2>
    ${
    items.length === 0
      ? html`<p class="muted">No active link.</p>`
      : html`<ul class="links">${items}</ul>`
  }
    <form class="filters" method="post" action="${root}/share">${csrfInput(session)}
      <label>Expires after (days)<input name="days" type="number" min="1" max="30" value="7"></label>
      <button>Make a share link</button></form>
    <h2>Audit trail</h2>${auditTable(events)}`;
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
  const transcript = await deps.stores.transcripts.get(ticket.id);
  const view = ticketView(ticket, {
    root: `${WEB_BASE}/t/${ticket.guildId}/${ticket.number}`,
    hasTranscript: transcript !== null,
    guildName: await deps.lookup.guildName(ticket.guildId),
  });
  const staff = visible.access === "staff" ? await staffSection(deps, session, visible) : "";
  return await page(c, {
    title: `Ticket #${ticket.number}`,
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
    const transcript = visible === null
      ? null
      : await deps.stores.transcripts.get(visible.ticket.id);
    if (visible === null || transcript === null) return notFound(c, session);
    return transcriptDocument(visible.ticket, transcript, format);
  });
}
