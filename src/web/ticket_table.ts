/** The table of tickets the web pages list, each row linking the ticket's page. */
import { html } from "hono/html";
import type { Ticket } from "../core/model.ts";
import type { Html } from "./layout.ts";
import { WEB_BASE } from "./web_context.ts";
import { whenText } from "./when_text.ts";

/** `tickets` as a table (with their server's name from `guildName`), or `empty` when none. */
export async function ticketTable(
  tickets: readonly Ticket[],
  options: { guildName: (ticket: Ticket) => Promise<string>; empty: string },
): Promise<Html> {
  if (tickets.length === 0) return html`<p class="muted">${options.empty}</p>`;
  const rows = [];
  for (const ticket of tickets) {
    const href = `${WEB_BASE}/t/${ticket.guildId}/${ticket.number}`;
    rows.push(html`
      <tr>
        <td><a href="${href}">#${ticket.number}</a></td>
        <td>${await options.guildName(ticket)}</td>
        <td><span class="status ${ticket.status}">${ticket.status}</span></td>
        <td>${ticket.topic ?? ""}</td>
        <td class="wide">${whenText(ticket.createdAt)}</td>
      </tr>
    `);
  }
  return html`
    <table>
      <thead>
        <tr>
          <th>Ticket</th>
          <th>Server</th>
          <th>Status</th>
          <th>Topic</th>
          <th class="wide">Opened</th>
        </tr>
      </thead>
      <tbody>${rows}</tbody>
    </table>
  `;
}
