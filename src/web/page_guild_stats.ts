/**
 * `GET /web/g/{guild}/stats[?days=N]`: a guild's statistics for its staff (the
 * figures `/stats` gives, with charts drawn as inline SVG), and
 * `GET /web/g/{guild}/stats.csv[?days=N]`: the same CSV `/stats` attaches.
 * Staff see the types they handle; anyone who is not staff there gets the 404 page.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { GuildId } from "../core/ids.ts";
import type { TicketType } from "../core/model.ts";
import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS, readStats } from "../core/stats/read_stats.ts";
import { statsCsv, statsFileName } from "../core/stats/stats_csv.ts";
import { durationText, meanText } from "../core/stats/stats_embed.ts";
import type { StatsFigures } from "../core/stats/stats_figures.ts";
import { perDay, perWeek } from "../core/stats/stats_series.ts";
import type { Translator } from "../i18n/translator.ts";
import { page } from "./layout.ts";
import type { GuildViewer } from "./member_lookup.ts";
import type { Session } from "./session.ts";
import { barChart } from "./svg_chart.ts";
import { notFound, toSignIn, WEB_BASE, type WebDeps } from "./web_context.ts";
import { webText } from "./web_language.ts";

const SNOWFLAKE = /^\d{15,20}$/;
const HOUR_MS = 3_600_000;
/** Staff members shown in the chart and the table, most tickets first (the CSV has every ticket). */
const STAFF_SHOWN = 25;
const COLORS = { first: "#5865f2", second: "#23a55a", rating: "#f0b232" };

/** The period a query asks for: whole days within the limits, else the default. */
function daysFrom(value: string | undefined): number {
  const days = Number(value ?? "");
  return Number.isInteger(days) && days >= 1 && days <= MAX_STATS_DAYS ? days : DEFAULT_STATS_DAYS;
}

function staffTypesOf(viewer: GuildViewer, types: readonly TicketType[]): TicketType[] {
  return viewer.admin
    ? [...types]
    : types.filter((t) => t.staffRoleIds.some((role) => viewer.roles.includes(role)));
}

/** The figures the viewer may see, or null when they are not staff there (404). */
async function figuresFor(
  c: Context,
  deps: WebDeps,
  session: Session,
): Promise<{ guildId: GuildId; days: number; figures: StatsFigures; types: TicketType[] } | null> {
  const guildId = c.req.param("guild") ?? "";
  if (!SNOWFLAKE.test(guildId)) return null;
  const all = await deps.stores.types.list(guildId as GuildId);
  const viewer = await deps.lookup.viewer(guildId as GuildId, session.userId);
  if (viewer === null) return null;
  const types = staffTypesOf(viewer, all);
  if (types.length === 0) return null;
  const days = daysFrom(c.req.query("days"));
  const figures = await readStats(deps.stores.stats, {
    guildId: guildId as GuildId,
    now: deps.clock.now(),
    days,
    types,
    allTypes: viewer.admin,
    staffId: null,
    notStaff: [deps.applicationId],
  });
  return { guildId: guildId as GuildId, days, figures, types: all };
}

function facts(tr: Translator, figures: StatsFigures) {
  const row = (id: string, name: string, value: string | number) =>
    html`
      <dt>${name}</dt>
      <dd data-figure="${id}">${value}</dd>
    `;
  const r = figures.ratings;
  return html`<dl class="facts">
    ${row("opened", tr.t("stats.web_opened"), figures.opened)}
    ${row("closed", tr.t("stats.web_closed"), figures.closed)}
    ${row("reopened", tr.t("stats.web_reopened"), figures.reopened)}
    ${row("open_now", tr.t("stats.web_open_now"), figures.openNow.count)}
    ${
    row(
      "first_response_median",
      `${tr.t("stats.first_response")} · ${tr.t("stats.web_median")}`,
      durationText(tr, figures.firstResponse.medianMs),
    )
  }
    ${
    row(
      "first_response_p90",
      `${tr.t("stats.first_response")} · ${tr.t("stats.web_p90")}`,
      durationText(tr, figures.firstResponse.p90Ms),
    )
  }
    ${
    row(
      "resolution_median",
      `${tr.t("stats.resolution")} · ${tr.t("stats.web_median")}`,
      durationText(tr, figures.resolution.medianMs),
    )
  }
    ${
    row(
      "resolution_p90",
      `${tr.t("stats.resolution")} · ${tr.t("stats.web_p90")}`,
      durationText(tr, figures.resolution.p90Ms),
    )
  }
    ${row("ratings", tr.t("stats.ratings"), r.count)}
    ${row("rating_mean", tr.t("stats.web_mean_rating"), meanText(tr, r.mean))}
  </dl>`;
}

/** How the guild shows each staff member (their id when the bot cannot find them). */
type StaffNames = ReadonlyMap<string, string>;

async function staffNames(
  deps: WebDeps,
  guildId: GuildId,
  figures: StatsFigures,
): Promise<StaffNames> {
  const shown = figures.staff.slice(0, STAFF_SHOWN);
  const names = await Promise.all(
    shown.map(async (s) =>
      [s.staffId, (await deps.lookup.memberName(guildId, s.staffId)) ?? s.staffId] as const
    ),
  );
  return new Map(names);
}

function charts(tr: Translator, figures: StatsFigures, names: StaffNames) {
  const hours = (ms: number | null) => ms === null ? 0 : Math.round((ms / HOUR_MS) * 10) / 10;
  const days = perDay(figures);
  const weeks = perWeek(figures);
  return html`
    ${barChart(tr.t("stats.web_per_day"), {
      id: "chart-per-day",
      series: [
        { name: tr.t("stats.web_opened"), color: COLORS.first },
        { name: tr.t("stats.web_closed"), color: COLORS.second },
      ],
      groups: days.map((d) => ({ label: d.day.slice(5), values: [d.opened, d.closed] })),
    })}
    ${barChart(tr.t("stats.web_per_week"), {
      id: "chart-per-week",
      series: [
        { name: tr.t("stats.first_response"), color: COLORS.first },
        { name: tr.t("stats.resolution"), color: COLORS.second },
      ],
      groups: weeks.map((w) => ({
        label: tr.date(w.start),
        values: [hours(w.medianResponseMs), hours(w.medianResolutionMs)],
        texts: [durationText(tr, w.medianResponseMs), durationText(tr, w.medianResolutionMs)],
      })),
    })}
    ${barChart(tr.t("stats.web_rating_chart"), {
      id: "chart-ratings",
      series: [{ name: tr.t("stats.ratings"), color: COLORS.rating }],
      groups: figures.ratings.distribution.map((n, i) => ({
        label: `${i + 1}\u2605`,
        values: [n],
      })),
    })}
    ${barChart(tr.t("stats.web_load"), {
      id: "chart-load",
      series: [{ name: tr.t("stats.web_handled"), color: COLORS.first }],
      groups: figures.staff.slice(0, STAFF_SHOWN).map((s) => ({
        label: (names.get(s.staffId) ?? s.staffId).slice(0, 16),
        values: [s.handled],
      })),
    })}
  `;
}

function staffTable(tr: Translator, figures: StatsFigures, names: StaffNames) {
  return html`
    <table class="staff">
      <thead>
        <tr>
          <th>${tr.t("stats.web_staff_member")}</th>
          <th>${tr.t(
            "stats.web_handled",
          )}</th>
          <th>${tr.t("stats.web_messages")}</th>
          <th>${tr.t(
            "stats.web_median_response",
          )}</th>
        </tr>
      </thead>
      <tbody>${figures.staff.slice(0, STAFF_SHOWN).map((s) =>
        html`
          <tr>
            <td>${names.get(s.staffId) ?? ""} <code>${s.staffId}</code></td>
            <td>${s.handled}</td>
            <td>${s.messages}</td>
            <td>${durationText(tr, s.medianFirstResponseMs)}</td>
          </tr>
        `
      )}</tbody>
    </table>
  `;
}

/** Adds `GET /g/:guild/stats` and `GET /g/:guild/stats.csv` to `app`. */
export function guildStatsPage(app: Hono, deps: WebDeps): void {
  app.get("/g/:guild/stats.csv", async (c) => {
    const session = await deps.sessions.read(c);
    if (session === null) return toSignIn(c);
    const found = await figuresFor(c, deps, session);
    if (found === null) return notFound(c, session);
    return new Response(statsCsv(found.figures, found.types), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${statsFileName(found.guildId, found.days)}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  });

  app.get("/g/:guild/stats", async (c) => {
    const session = await deps.sessions.read(c);
    if (session === null) return toSignIn(c);
    const found = await figuresFor(c, deps, session);
    if (found === null) return notFound(c, session);
    const tr = webText(c);
    const { guildId, days, figures } = found;
    const name = await deps.lookup.guildName(guildId);
    const names = await staffNames(deps, guildId, figures);
    const title = tr.t("stats.title", { days });
    const body = html`
      <h1>${title}</h1>
      <p class="muted"><a href="${WEB_BASE}/g/${guildId}">${tr.t("web.guild_title", {
        name,
      })}</a></p>
      <form class="filters" method="get" action="${WEB_BASE}/g/${guildId}/stats">
        <label>${tr.t(
          "stats.web_period",
        )}<input type="number" name="days" min="1" max="${MAX_STATS_DAYS}" value="${days}"></label>
        <button>${tr.t("stats.web_show")}</button>
        <a class="button" href="${WEB_BASE}/g/${guildId}/stats.csv?days=${days}"
          download>${tr.t(
            "stats.web_csv",
          )}</a>
      </form>
      ${figures.supportHours ? html`<p class="muted">${tr.t("stats.support_hours")}</p>` : ""}
      ${facts(tr, figures)}
      ${charts(tr, figures, names)}
      <h2>${tr.t("stats.staff")}</h2>
      ${staffTable(tr, figures, names)}
      <p class="muted">${tr.t("stats.web_definitions")}</p>
    `;
    return page(c, { title, session, base: WEB_BASE, body });
  });
}
