/**
 * `GET /web/`: the tickets I opened or was added to, across guilds, and the
 * guilds whose ticket lists I may see as staff.
 */
import type { Hono } from "hono";
import { html } from "hono/html";
import type { Ticket } from "../core/model.ts";
import { page } from "./layout.ts";
import { isGuildStaff } from "./ticket_access.ts";
import { toSignIn, WEB_BASE, type WebDeps } from "./web_context.ts";
import { whenText } from "./when_text.ts";

/** The most tickets the page lists. */
const LIMIT = 100;
/** The most guilds checked for a staff role on one visit. */
const GUILD_LIMIT = 50;

/** A row of a ticket table, linking its page. */
export function ticketRow(ticket: Ticket, guildName: string) {
  const href = `${WEB_BASE}/t/${ticket.guildId}/${ticket.number}`;
  return html`
    <tr>
      <td><a href="${href}">#${ticket.number}</a></td>
      <td>${guildName}</td>
      <td><span class="status ${ticket.status}">${ticket.status}</span></td>
      <td>${ticket.topic ?? ""}</td>
      <td class="wide">${whenText(ticket.createdAt)}</td>
    </tr>
  `;
}

/** Adds `GET /` to `app`. */
export function myTicketsPage(app: Hono, deps: WebDeps): void {
  app.get("/", async (c) => {
    const session = await deps.sessions.read(c);
    if (session === null) return toSignIn(c);
    const tickets = await deps.stores.browser.involving(session.userId, LIMIT);
    const guildIds = (await deps.stores.browser.guildsWithTypes()).slice(0, GUILD_LIMIT);
    const staffed: Array<{ id: string; name: string }> = [];
    for (const guildId of guildIds) {
      const viewer = await deps.lookup.viewer(guildId, session.userId);
      if (viewer === null) continue;
      if (isGuildStaff(viewer, await deps.stores.browser.typesOf(guildId))) {
        staffed.push({ id: guildId, name: await deps.lookup.guildName(guildId) });
      }
    }
    const rows = [];
    for (const ticket of tickets) {
      rows.push(ticketRow(ticket, await deps.lookup.guildName(ticket.guildId)));
    }
    const body = html`<h1>My tickets</h1>
      ${
      rows.length === 0
        ? html`<p class="muted">You have not opened a ticket, nor been added to one.</p>`
        : html`
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
        `
    }
      ${
      staffed.length === 0 ? "" : html`
        <h2>Servers you support</h2>
        <ul class="links">${staffed.map((g) =>
          html`<li><a href="${WEB_BASE}/g/${g.id}">${g.name}</a></li>`
        )}</ul>
      `
    }`;
    return page(c, { title: "My tickets", session, base: WEB_BASE, body });
  });
}
