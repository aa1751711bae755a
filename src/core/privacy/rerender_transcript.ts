/**
 * A stored transcript rendered again from the archive (after an erasure), with
 * the same renderers the close uses; images and avatars are not embedded again.
 */
import type { ArchivedMessage, Ticket } from "../model.ts";
import { formatTime } from "../transcript/format_time.ts";
import { renderWhole } from "../transcript/incremental_renderer.ts";
import { createHtmlRenderer } from "../transcript/render_html.ts";
import { createTextRenderer } from "../transcript/render_text.ts";
import type { TranscriptMessage, TranscriptOptions } from "../transcript/types.ts";

/**
 * The HTML and text transcript of `ticket` from its archived `messages`, under
 * a header titled `header.title` (the close's header texts are not in the
 * catalogs yet, so the caller names it as the close does). With `header.until`,
 * only the messages written by then: a reopened ticket's earlier transcript
 * keeps ending where its close ended it.
 */
export function rerenderTranscript(
  ticket: Ticket,
  messages: readonly ArchivedMessage[],
  header: { title: string; until?: Date },
): { html: string; text: string; messageCount: number } {
  const until = header.until?.getTime() ?? Infinity;
  const entries: TranscriptMessage[] = messages.flatMap((m) => {
    if (m.createdAt.getTime() > until) return [];
    try {
      return [{ raw: JSON.parse(m.payload) as Record<string, unknown>, deletedAt: m.deletedAt }];
    } catch {
      return [];
    }
  });
  const options: TranscriptOptions = {
    info: {
      title: header.title,
      details: [
        ["Opened", formatTime(ticket.createdAt)],
        ["Opener", { userId: ticket.openerId }],
        ["Closed by", ticket.closedBy === null ? "nobody" : { userId: ticket.closedBy }],
        ["Reason", ticket.closeReason ?? "No reason given"],
        ["Topic", ticket.topic ?? "none"],
        ...ticket.answers.map((a) => [a.question, a.answer] as const),
      ],
    },
  };
  return {
    html: renderWhole(createHtmlRenderer(options), entries),
    text: renderWhole(createTextRenderer(options), entries),
    messageCount: entries.length,
  };
}
