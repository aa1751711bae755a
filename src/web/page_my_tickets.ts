/**
 * `GET /web/`: the tickets I opened or was added to, across guilds, and the
 * guilds whose ticket lists I may see as staff.
 */
import type { Hono } from "hono";
import { html } from "hono/html";
import { page } from "./layout.ts";
import { isGuildStaff } from "./ticket_access.ts";
import { ticketTable } from "./ticket_table.ts";
import { toSignIn, WEB_BASE, type WebDeps } from "./web_context.ts";
import { webText } from "./web_language.ts";

/** The most tickets the page lists. */
const LIMIT = 100;
/** The most guilds checked for a staff role on one visit. */
const GUILD_LIMIT = 50;

/** Adds `GET /` to `app`. */
export function myTicketsPage(app: Hono, deps: WebDeps): void {
  app.get("/", async (c) => {
    const session = await deps.sessions.read(c);
    if (session === null) return toSignIn(c);
    const tr = webText(c);
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
    const table = await ticketTable(tickets, {
      tr,
      guildName: (ticket) => deps.lookup.guildName(ticket.guildId),
      lookup: deps.lookup,
      empty: tr.t("web.mine_empty"),
    });
    const body = html`<h1>${tr.t("web.mine_title")}</h1>${table}
      ${
      staffed.length === 0 ? "" : html`
        <h2>${tr.t("web.servers_you_support")}</h2>
        <ul class="links">${staffed.map((g) =>
          html`<li><a href="${WEB_BASE}/g/${g.id}">${g.name}</a></li>`
        )}</ul>
      `
    }`;
    return page(c, { title: tr.t("web.mine_title"), session, base: WEB_BASE, body });
  });
}
