/** The facts a transcript opens with (number, type, opener, claimer, closer, reason, topic, answers), in the guild's language. */
import type { UserId } from "../ids.ts";
import type { Ticket } from "../model.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translator.ts";
import { timeFormat } from "./format_time.ts";
import type { DetailValue, TranscriptInfo } from "./types.ts";

/** What the header says besides the ticket's own fields. */
export interface HeaderFacts {
  typeName: string;
  /** Who closed it (null: not known, e.g. a transcript rendered again). */
  closerId: UserId | null;
  reason: string | null;
  locale: Locale;
  /** Which of the ticket's transcripts this is (1 unless it was reopened). */
  sequence?: number;
}

/** The header of `ticket`'s transcript. */
export function transcriptHeader(ticket: Ticket, facts: HeaderFacts): TranscriptInfo {
  const tr = translator(facts.locale);
  const person = (id: UserId | null): DetailValue =>
    id === null ? tr.t("summary.nobody") : { userId: id };
  return {
    title: tr.t("transcript.header.title", {
      number: ticket.number,
      type: facts.typeName,
      sequence: facts.sequence ?? 1,
    }),
    details: [
      [tr.t("summary.opened"), timeFormat(facts.locale).stamp(ticket.createdAt)],
      [tr.t("summary.opened_by"), { userId: ticket.openerId }],
      [tr.t("summary.claimed_by"), person(ticket.claimedBy)],
      [tr.t("summary.closed_by"), person(facts.closerId)],
      [tr.t("summary.reason"), facts.reason ?? tr.t("summary.no_reason")],
      [tr.t("transcript.topic"), ticket.topic ?? tr.t("transcript.no_topic")],
      ...ticket.answers.map((a) => [a.question, a.answer] as const),
    ],
  };
}
