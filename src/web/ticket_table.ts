/**
 * The table of tickets the web pages list, each row linking the ticket's page,
 * in the reader's language: status and priority in words, people by the names
 * the guild shows for them (their id when the bot does not know them).
 */
import { html } from "hono/html";
import type { Ticket } from "../core/model.ts";
import type { Translator } from "../i18n/translator.ts";
import type { Html } from "./layout.ts";
import type { MemberLookup } from "./member_lookup.ts";
import { namesOf, personCell } from "./people_names.ts";
import { WEB_BASE } from "./web_context.ts";
import { whenText } from "./when_text.ts";

/** What a table needs besides its tickets. */
export interface TicketTableOptions {
  tr: Translator;
  /** The name of the ticket's server. */
  guildName: (ticket: Ticket) => Promise<string>;
  /** Names of people, by guild. */
  lookup: Pick<MemberLookup, "memberName">;
  /** What the table says when there is no ticket. */
  empty: string;
}

/** `tickets` as a table, or `empty` when none. */
export async function ticketTable(
  tickets: readonly Ticket[],
  options: TicketTableOptions,
): Promise<Html> {
  const { tr } = options;
  if (tickets.length === 0) return html`<p class="muted">${options.empty}</p>`;
  const names = await namesOf(
    options.lookup,
    tickets.flatMap((t) => [
      { guildId: t.guildId, userId: t.openerId },
      { guildId: t.guildId, userId: t.claimedBy },
    ]),
  );
  const rows = [];
  for (const ticket of tickets) {
    const href = `${WEB_BASE}/t/${ticket.guildId}/${ticket.number}`;
    const opener = personCell(names, { guildId: ticket.guildId, userId: ticket.openerId });
    const claimer = personCell(names, { guildId: ticket.guildId, userId: ticket.claimedBy });
    rows.push(html`
      <tr>
        <td><a href="${href}">#${ticket.number}</a></td>
        <td>${await options.guildName(ticket)}</td>
        <td><span class="status ${ticket.status}">${tr.t("web.status", {
          status: ticket.status,
        })}</span></td>
        <td><span class="priority ${ticket.priority}">${tr.t("web.priority", {
          priority: ticket.priority,
        })}</span></td>
        <td>${ticket.topic ?? ""}</td>
        <td class="wide">${opener}</td>
        <td class="wide">${claimer}</td>
        <td class="wide">${whenText(ticket.createdAt, tr)}</td>
      </tr>
    `);
  }
  return html`
    <table>
      <thead>
        <tr>
          <th>${tr.t("web.col_ticket")}</th>
          <th>${tr.t("web.col_server")}</th>
          <th>${tr.t("web.col_status")}</th>
          <th>${tr.t("web.col_priority")}</th>
          <th>${tr.t("web.col_topic")}</th>
          <th class="wide">${tr.t("web.col_opener")}</th>
          <th class="wide">${tr.t("web.col_claimer")}</th>
          <th class="wide">${tr.t("web.col_opened")}</th>
        </tr>
      </thead>
      <tbody>${rows}</tbody>
    </table>
  `;
}
