/**
 * The `/stats` answer: an embed with the headline figures in the reader's
 * language (durations as people read them, ratings with their mean); the
 * handler attaches the CSV of the period's tickets when it fits.
 */
import type { MessageBody } from "../message_body.ts";
import type { TicketType } from "../model.ts";
import { formatDuration } from "../transcript/summary_embed.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { DurationSummary } from "./percentile.ts";
import type { StatsHeadline } from "./stats_figures.ts";

/** Lines of staff shown in the embed (the CSV has every ticket). */
const STAFF_LINES = 10;

/** A duration, or the words for none. */
export function durationText(tr: Translator, ms: number | null): string {
  return ms === null ? tr.t("stats.none") : formatDuration(ms, tr.locale);
}

/** A mean rating to two decimals in the reader's language. */
export function meanText(tr: Translator, mean: number | null): string {
  return mean === null
    ? tr.t("stats.none")
    : new Intl.NumberFormat(tr.locale, { maximumFractionDigits: 2 }).format(mean);
}

function durationValue(tr: Translator, summary: DurationSummary): string {
  return tr.t("stats.duration_value", {
    median: durationText(tr, summary.medianMs),
    p90: durationText(tr, summary.p90Ms),
    count: summary.count,
  });
}

/** What the figures were asked for: the period, and a type or staff member when chosen. */
export interface StatsScope {
  days: number;
  type: TicketType | null;
  staffId: string | null;
  /** False when the CSV is not attached (the footer then does not speak of it). */
  withCsv?: boolean;
}

/** The embed of `/stats`. */
export function statsEmbed(tr: Translator, figures: StatsHeadline, scope: StatsScope): MessageBody {
  const lines = [
    ...(scope.type === null ? [] : [tr.t("stats.scope_type", { type: scope.type.name })]),
    ...(scope.staffId === null ? [] : [tr.t("stats.scope_staff", { user: scope.staffId })]),
    ...(figures.supportHours ? [tr.t("stats.support_hours")] : []),
  ];
  const oldest = figures.openNow.oldestWaiting;
  const staff = figures.staff.slice(0, STAFF_LINES).map((s) =>
    tr.t("stats.staff_line", {
      user: s.staffId,
      handled: s.handled,
      messages: s.messages,
      median: durationText(tr, s.medianFirstResponseMs),
    })
  );
  const [r1, r2, r3, r4, r5] = figures.ratings.distribution;
  return {
    embeds: [{
      title: tr.t("stats.title", { days: scope.days }),
      ...(lines.length === 0 ? {} : { description: lines.join("\n") }),
      fields: [
        {
          name: tr.t("stats.tickets"),
          value: tr.t("stats.tickets_value", {
            opened: figures.opened,
            closed: figures.closed,
            reopened: figures.reopened,
            open: figures.openNow.count,
          }) + (oldest === null ? "" : "\n" + tr.t("stats.oldest_waiting", {
            number: oldest.number,
            since: `<t:${Math.floor(oldest.since.getTime() / 1000)}:R>`,
          })),
          inline: false,
        },
        {
          name: tr.t("stats.first_response"),
          value: durationValue(tr, figures.firstResponse),
          inline: true,
        },
        {
          name: tr.t("stats.resolution"),
          value: durationValue(tr, figures.resolution),
          inline: true,
        },
        {
          name: tr.t("stats.ratings"),
          value: tr.t("stats.ratings_value", {
            count: figures.ratings.count,
            mean: meanText(tr, figures.ratings.mean),
            r1,
            r2,
            r3,
            r4,
            r5,
          }),
          inline: false,
        },
        {
          name: tr.t("stats.staff"),
          value: (staff.length === 0 ? tr.t("stats.none") : staff.join("\n")).slice(0, 1024),
          inline: false,
        },
      ],
      footer: {
        text: tr.t(scope.withCsv === false ? "stats.definitions_without_csv" : "stats.definitions"),
      },
    }],
    allowed_mentions: { parse: [] },
  };
}
