/**
 * `GET /web/t/{guild}/{number}`: a ticket's page (facts, the stored transcript
 * in a sandboxed frame, downloads); staff also see the audit trail and the share
 * links, and the opener's rating. People are named as their guild shows them.
 * `…/transcript.html`, `…/download.html`, `…/download.txt` serve the
 * transcript itself. A reopened ticket keeps one transcript per close: the page
 * lists them and shows one at a time (`?transcript=N`, the latest by default),
 * and its documents take the same query. Who may not see the ticket, or asks
 * for a transcript it does not have, gets the 404 page.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type {
  AuditEvent,
  Ticket,
  TicketFeedback,
  TicketId,
  TranscriptInfo,
} from "../core/model.ts";
import type { Translator } from "../i18n/translator.ts";
import { csrfInput } from "./csrf.ts";
import { type Html, page } from "./layout.ts";
import type { MemberLookup } from "./member_lookup.ts";
import { namesOf, type PeopleNames, personCell } from "./people_names.ts";
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

/** Which of a ticket's transcripts the page shows, among all it has (first to latest). */
export interface TranscriptChoice {
  list: readonly TranscriptInfo[];
  shown: number;
}

/** The transcript `?transcript=N` names among `list` (the latest without it); null: none such. */
export async function chosenTranscript(
  deps: Pick<WebDeps, "stores">,
  ticketId: TicketId,
  asked: string | undefined,
): Promise<TranscriptChoice | null> {
  const list = await deps.stores.transcripts.list(ticketId);
  if (asked === undefined || asked === "") {
    return { list, shown: list.at(-1)?.sequence ?? 0 };
  }
  const shown = /^[1-9][0-9]{0,5}$/.test(asked) ? Number(asked) : NaN;
  return list.some((t) => t.sequence === shown) ? { list, shown } : null;
}

/** The links between a reopened ticket's transcripts, the shown one marked. */
function transcriptList(choice: TranscriptChoice, here: string, tr: Translator): Html | "" {
  if (choice.list.length < 2) return "";
  return html`
    <nav aria-label="${tr.t("web.transcripts_nav")}">
      <p>${tr.t("web.transcripts_intro")}</p>
      <ul class="links">${choice.list.map((t) =>
        html`<li>${
          t.sequence === choice.shown
            ? html`<strong aria-current="page">#${t.sequence}</strong>`
            : html`<a href="${here}?transcript=${t.sequence}">#${t.sequence}</a>`
        } <span class="muted">${
          tr.t("web.transcript_entry", { when: whenText(t.createdAt, tr), count: t.messageCount })
        }</span></li>`
      )}</ul>
    </nav>
  `;
}

/** The names of a ticket's opener and claimer, for `ticketView`. */
export function ticketNames(
  lookup: Pick<MemberLookup, "memberName">,
  ticket: Ticket,
): Promise<PeopleNames> {
  return namesOf(lookup, [
    { guildId: ticket.guildId, userId: ticket.openerId },
    { guildId: ticket.guildId, userId: ticket.claimedBy },
  ]);
}

/** The opener's rating and comment, as staff see them; nothing before a rating. */
function feedbackFacts(feedback: TicketFeedback | null | undefined, tr: Translator): Html | "" {
  if (feedback === null || feedback === undefined || feedback.rating === null) return "";
  return html`
    <dt>${tr.t("summary.rating")}</dt>
    <dd>${tr.t("summary.rating_value", { stars: feedback.rating })}</dd>
    ${feedback.comment === null ? "" : html`
      <dt>${tr.t("web.fact_comment")}</dt>
      <dd>${feedback.comment}</dd>
    `}
  `;
}

/** The facts, the frame and the downloads of a ticket; `root` is where its documents are. */
export function ticketView(
  ticket: Ticket,
  view: {
    root: string;
    hasTranscript: boolean;
    guildName: string;
    tr: Translator;
    /** Names of the opener and the claimer (from `ticketNames`). */
    names: PeopleNames;
    /** A reopened ticket's transcripts, when the page may switch between them. */
    choice?: TranscriptChoice;
    /** The opener's rating, shown to staff only. */
    feedback?: TicketFeedback | null;
  },
): Html {
  const { tr } = view;
  const choice = view.choice;
  const several = choice !== undefined && choice.list.length > 1;
  const query = several ? `?transcript=${choice.shown}` : "";
  const frame = view.hasTranscript
    ? html`
      ${several ? transcriptList(choice, view.root, tr) : ""}
      <div class="actions"><a class="button" href="${view.root}/download.html${query}">${tr.t(
        "web.download_html",
      )}</a>
              <a class="button" href="${view.root}/download.txt${query}">${tr.t(
                "web.download_text",
              )}</a></div>
      <iframe class="transcript" title="${tr.t("web.transcript_frame", {
        number: ticket.number,
      })}" sandbox="allow-scripts"
        src="${view.root}/transcript.html${query}"></iframe>
    `
    : html`<p class="muted">${tr.t("web.transcript_later")}</p>`;
  return html`
    <h1>${tr.t("web.ticket_title", { number: ticket.number })}</h1>
        <dl class="facts">
      <dt>${tr.t("web.fact_server")}</dt>
      <dd>${view.guildName}</dd>
      <dt>${tr.t("web.fact_status")}</dt>
      <dd><span class="status ${ticket.status}">${tr.t("web.status", {
        status: ticket.status,
      })}</span></dd>
      <dt>${tr.t("web.col_priority")}</dt>
      <dd><span class="priority ${ticket.priority}">${tr.t("web.priority", {
        priority: ticket.priority,
      })}</span></dd>
      <dt>${tr.t("web.fact_topic")}</dt>
      <dd>${ticket.topic ?? "—"}</dd>
      <dt>${tr.t("web.fact_opener")}</dt>
      <dd>${personCell(view.names, { guildId: ticket.guildId, userId: ticket.openerId })}</dd>
      <dt>${tr.t("web.fact_opened")}</dt>
      <dd>${whenText(ticket.createdAt, tr)}</dd>
      <dt>${tr.t("web.fact_claimer")}</dt>
      <dd>${personCell(view.names, { guildId: ticket.guildId, userId: ticket.claimedBy })}</dd>
      <dt>${tr.t("web.fact_closed")}</dt>
      <dd>${whenText(ticket.closedAt, tr)}</dd>
      <dt>${tr.t("web.fact_reason")}</dt>
      <dd>${ticket.closeReason ?? "—"}</dd>
      ${feedbackFacts(view.feedback, tr)}
    </dl>
        ${frame}
  `;
}

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
  return html`<h2>${tr.t("web.share_links")}</h2>
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

/** Adds the ticket page and its documents to `app`. */
export function transcriptPage(app: Hono, deps: WebDeps): void {
  app.get("/t/:guild/:number", (c) => ticketPage(c, deps));
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
