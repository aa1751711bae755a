/**
 * A stored transcript rendered again from the archive (after an erasure), with
 * the same renderers and header the close uses; images and avatars are not
 * embedded again.
 */
import type { ArchivedMessage, Ticket } from "../model.ts";
import type { Locale } from "../../i18n/locale.ts";
import { renderWhole } from "../transcript/incremental_renderer.ts";
import { createHtmlRenderer } from "../transcript/render_html.ts";
import { createTextRenderer } from "../transcript/render_text.ts";
import { transcriptHeader } from "../transcript/transcript_header.ts";
import type { TranscriptMessage, TranscriptOptions } from "../transcript/types.ts";

/**
 * The HTML and text transcript of `ticket` from its archived `messages`, in the
 * guild's `locale`. With `until`, only the messages written by then: a reopened
 * ticket's earlier transcript keeps ending where its close ended it.
 */
export function rerenderTranscript(
  ticket: Ticket,
  messages: readonly ArchivedMessage[],
  options: { typeName: string; locale: Locale; sequence?: number; until?: Date },
): { html: string; text: string; messageCount: number } {
  const until = options.until?.getTime() ?? Infinity;
  const entries: TranscriptMessage[] = messages.flatMap((m) => {
    if (m.createdAt.getTime() > until) return [];
    try {
      return [{ raw: JSON.parse(m.payload) as Record<string, unknown>, deletedAt: m.deletedAt }];
    } catch {
      return [];
    }
  });
  const render: TranscriptOptions = {
    info: transcriptHeader(ticket, {
      typeName: options.typeName,
      closerId: ticket.closedBy,
      reason: ticket.closeReason,
      locale: options.locale,
      ...(options.sequence === undefined ? {} : { sequence: options.sequence }),
    }),
    locale: options.locale,
  };
  return {
    html: renderWhole(createHtmlRenderer(render), entries),
    text: renderWhole(createTextRenderer(render), entries),
    messageCount: entries.length,
  };
}
