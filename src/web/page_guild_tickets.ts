/**
 * `GET /web/g/{guild}`: a guild's tickets for its staff, with filters (type,
 * status, priority, claimer, opener), full-text search over archived messages,
 * and pages. Anyone who is not staff there gets the 404 page.
 */
import type { Hono } from "hono";
import { html } from "hono/html";
import type { GuildId, UserId } from "../core/ids.ts";
import {
  TICKET_PRIORITIES,
  type TicketPriority,
  type TicketStatus,
  type TicketTypeId,
} from "../core/model.ts";
import type { TicketFilter } from "../core/ports.ts";
import { page } from "./layout.ts";
import { ticketTable } from "./ticket_table.ts";
import { isGuildStaff } from "./ticket_access.ts";
import { notFound, toSignIn, WEB_BASE, type WebDeps } from "./web_context.ts";
import { webText } from "./web_language.ts";

/** Tickets on one page. */
const PAGE_SIZE = 25;
const STATUSES: readonly TicketStatus[] = ["open", "closing", "closed"];
const SNOWFLAKE = /^\d{15,20}$/;

/** The filter a query string asks for; unreadable fields are ignored. */
export function filterFrom(query: (name: string) => string | undefined): TicketFilter {
  const filter: TicketFilter = {};
  const type = query("type") ?? "";
  if (/^\d{1,9}$/.test(type)) filter.typeId = Number(type) as TicketTypeId;
  const status = query("status") ?? "";
  if ((STATUSES as readonly string[]).includes(status)) filter.status = status as TicketStatus;
  const priority = query("priority") ?? "";
  if ((TICKET_PRIORITIES as readonly string[]).includes(priority)) {
    filter.priority = priority as TicketPriority;
  }
  const claimer = query("claimer")?.trim() ?? "";
  if (SNOWFLAKE.test(claimer)) filter.claimedBy = claimer as UserId;
  const opener = query("opener")?.trim() ?? "";
  if (SNOWFLAKE.test(opener)) filter.openerId = opener as UserId;
  const text = query("q")?.trim() ?? "";
  if (text !== "") filter.text = text.slice(0, 200);
  return filter;
}

/** Adds `GET /g/:guild` to `app`. */
export function guildTicketsPage(app: Hono, deps: WebDeps): void {
  app.get("/g/:guild", async (c) => {
    const session = await deps.sessions.read(c);
    if (session === null) return toSignIn(c);
    const guildId = c.req.param("guild");
    if (!SNOWFLAKE.test(guildId)) return notFound(c, session);
    const types = await deps.stores.browser.typesOf(guildId as GuildId);
    const viewer = await deps.lookup.viewer(guildId as GuildId, session.userId);
    if (!isGuildStaff(viewer, types)) return notFound(c, session);

    const tr = webText(c);
    const filter = filterFrom((name) => c.req.query(name));
    const pageNumber = Math.min(Math.max(Number(c.req.query("page") ?? "1") || 1, 1), 10_000);
    const found = await deps.stores.browser.inGuild(guildId as GuildId, filter, {
      offset: (pageNumber - 1) * PAGE_SIZE,
      limit: PAGE_SIZE + 1,
    });
    const name = await deps.lookup.guildName(guildId as GuildId);
    const table = await ticketTable(found.slice(0, PAGE_SIZE), {
      tr,
      guildName: () => Promise.resolve(name),
      lookup: deps.lookup,
      empty: tr.t("web.none_match"),
    });
    const pageLink = (n: number) => {
      const query = new URLSearchParams(c.req.query());
      query.set("page", String(n));
      return `${WEB_BASE}/g/${guildId}?${query}`;
    };
    const selected = (on: boolean) =>
      on
        ? html`
          selected
        `
        : "";
    const body = html`
      <h1>${tr.t("web.guild_title", { name })}</h1>
      <p><a href="${WEB_BASE}/g/${guildId}/stats">${tr.t("stats.web_link")}</a></p>
            <form class="filters" method="get" action="${WEB_BASE}/g/${guildId}">
        <label>${tr.t("web.search")}<input type="search" name="q" value="${filter.text ??
          ""}"></label>
        <label>${tr.t("web.filter_type")}<select name="type"><option value="">${tr.t(
          "web.any",
        )}</option>${types.map((t) =>
          html`
            <option value="${t.id}" ${selected(filter.typeId === t.id)}>${t.name}</option>
          `
        )}</select></label>
        <label>${tr.t("web.filter_status")}<select name="status"><option value="">${tr.t(
          "web.any",
        )}</option>${STATUSES.map((s) =>
          html`<option value="${s}" ${selected(filter.status === s)}>${
            tr.t("web.status", {
              status: s,
            })
          }</option>`
        )}</select></label>
        <label>${tr.t("web.filter_priority")}<select name="priority"><option value="">${tr.t(
          "web.any",
        )}</option>${TICKET_PRIORITIES.map((p) =>
          html`<option value="${p}" ${selected(filter.priority === p)}>${
            tr.t("web.priority", {
              priority: p,
            })
          }</option>`
        )}</select></label>
        <label>${tr.t(
          "web.filter_claimer",
        )}<input name="claimer" inputmode="numeric" value="${filter
          .claimedBy ?? ""}"></label>
        <label>${tr.t("web.filter_opener")}<input name="opener" inputmode="numeric" value="${filter
          .openerId ?? ""}"></label>
        <button>${tr.t("web.filter")}</button>
      </form>
      ${table}
            <div class="pager">${pageNumber > 1
              ? html`<a href="${pageLink(pageNumber - 1)}">${tr.t("web.newer")}</a>`
              : ""}${found.length > PAGE_SIZE
              ? html`<a href="${pageLink(pageNumber + 1)}">${tr.t("web.older")}</a>`
              : ""}</div>
    `;
    return page(c, { title: tr.t("web.guild_title", { name }), session, base: WEB_BASE, body });
  });
}
