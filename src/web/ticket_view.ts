/**
 * What a ticket's page shows of the ticket itself, for its viewers and for a
 * share link alike: its facts (people by the names their guild shows, the
 * priority, and for staff the opener's rating), the list of its transcripts
 * when it was reopened, and the sandboxed frame and downloads of one of them.
 */
import { html } from "hono/html";
import type { Ticket, TicketFeedback, TicketId, TranscriptInfo } from "../core/model.ts";
import type { Translator } from "../i18n/translator.ts";
import type { Html } from "./layout.ts";
import type { MemberLookup } from "./member_lookup.ts";
import { namesOf, type PeopleNames, personCell } from "./people_names.ts";
import type { WebDeps } from "./web_context.ts";
import { whenText } from "./when_text.ts";

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
      <dd>${ticket.topic ?? "\u2014"}</dd>
      <dt>${tr.t("web.fact_opener")}</dt>
      <dd>${personCell(view.names, { guildId: ticket.guildId, userId: ticket.openerId })}</dd>
      <dt>${tr.t("web.fact_opened")}</dt>
      <dd>${whenText(ticket.createdAt, tr)}</dd>
      <dt>${tr.t("web.fact_claimer")}</dt>
      <dd>${personCell(view.names, { guildId: ticket.guildId, userId: ticket.claimedBy })}</dd>
      <dt>${tr.t("web.fact_closed")}</dt>
      <dd>${whenText(ticket.closedAt, tr)}</dd>
      <dt>${tr.t("web.fact_reason")}</dt>
      <dd>${ticket.closeReason ?? "\u2014"}</dd>
      ${feedbackFacts(view.feedback, tr)}
    </dl>
        ${frame}
  `;
}
