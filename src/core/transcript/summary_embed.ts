/**
 * The summary posted with a transcript: who opened, claimed and closed the
 * ticket, why, when, for how long, how many messages it held and its priority.
 */
import type { Embed } from "../message_body.ts";
import type { TicketPriority } from "../model.ts";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translator.ts";

/** The facts the summary shows. */
export interface CloseSummary {
  number: number;
  typeName: string;
  openerId: string;
  claimerId: string | null;
  closerId: string;
  reason: string | null;
  openedAt: Date;
  closedAt: Date;
  messageCount: number;
  /** Shown when given. */
  priority?: TicketPriority;
  /** Lines about the attached files (compressed, omitted, attachments not kept). */
  notes: string[];
  /** The opener's rating (1-5) and comment, once given. */
  feedback?: { rating: number; comment: string | null };
}

/** Discord's limit for an embed field value. */
const FIELD_MAX = 1024;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

/**
 * A duration as people read it, to its two largest units, in `locale`
 * (`3 days, 4 hr`, `2 hr, 5 min`, `12 min`, `40 sec` in English).
 */
export function formatDuration(ms: number, locale: Locale = DEFAULT_LOCALE): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = days > 0
    ? { days, hours }
    : hours > 0
    ? { hours, minutes }
    : minutes > 0
    ? { minutes }
    : { seconds };
  // Zero units are left out: a close within the second must still say "0 sec".
  const options: Intl.DurationFormatOptions = "seconds" in parts
    ? { style: "short", secondsDisplay: "always" }
    : { style: "short" };
  return new Intl.DurationFormat(locale, options).format(parts);
}

function stamp(date: Date): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:f>`;
}

/** The summary embed of a closed ticket (mentions in it must be sent with no pings). */
export function summaryEmbed(summary: CloseSummary, options: { locale?: Locale } = {}): Embed {
  const tr = translator(options.locale ?? DEFAULT_LOCALE);
  const fields = [
    { name: tr.t("summary.ticket"), value: `#${summary.number}`, inline: true },
    { name: tr.t("summary.type"), value: clip(summary.typeName, FIELD_MAX), inline: true },
    { name: tr.t("summary.messages"), value: String(summary.messageCount), inline: true },
    { name: tr.t("summary.opened_by"), value: `<@${summary.openerId}>`, inline: true },
    {
      name: tr.t("summary.claimed_by"),
      value: summary.claimerId === null ? tr.t("summary.nobody") : `<@${summary.claimerId}>`,
      inline: true,
    },
    { name: tr.t("summary.closed_by"), value: `<@${summary.closerId}>`, inline: true },
    { name: tr.t("summary.opened"), value: stamp(summary.openedAt), inline: true },
    { name: tr.t("summary.closed"), value: stamp(summary.closedAt), inline: true },
    {
      name: tr.t("summary.duration"),
      value: formatDuration(summary.closedAt.getTime() - summary.openedAt.getTime(), tr.locale),
      inline: true,
    },
    ...(summary.priority === undefined ? [] : [{
      name: tr.t("summary.priority"),
      value: tr.t(`priority.${summary.priority}`),
      inline: true,
    }]),
    {
      name: tr.t("summary.reason"),
      value: clip(summary.reason?.trim() || tr.t("summary.no_reason"), FIELD_MAX),
    },
  ];
  if (summary.feedback !== undefined) {
    const { rating, comment } = summary.feedback;
    const stars = `${"\u2605".repeat(rating)}${"\u2606".repeat(5 - rating)}`;
    const value = `${stars} ${tr.t("summary.rating_value", { stars: rating })}`;
    fields.push({
      name: tr.t("summary.rating"),
      value: clip(
        comment === null ? value : `${value}\n> ${comment.replaceAll("\n", "\n> ")}`,
        FIELD_MAX,
      ),
    });
  }
  if (summary.notes.length > 0) {
    fields.push({ name: tr.t("summary.files"), value: clip(summary.notes.join("\n"), FIELD_MAX) });
  }
  return {
    title: tr.t("summary.title", { number: summary.number }),
    color: 0xed4245,
    timestamp: summary.closedAt.toISOString(),
    fields,
  };
}
