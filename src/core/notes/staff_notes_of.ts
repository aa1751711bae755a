/** A ticket's staff notes as the staff part of its transcript, or null when it has none. */
import type { HandlerContext } from "../context.ts";
import type { Ticket } from "../model.ts";
import type { RenderedNotes } from "../transcript/staff_notes.ts";
import type { Locale } from "../../i18n/locale.ts";
import { t } from "../../i18n/translator.ts";

/** Renders the notes of `ticket` with a title in `locale`; null without notes. */
export async function staffNotesOf(
  ctx: Pick<HandlerContext, "notes">,
  ticket: Pick<Ticket, "id" | "number">,
  locale: Locale,
): Promise<RenderedNotes | null> {
  const notes = await ctx.notes.list(ticket.id);
  if (notes.length === 0) return null;
  // The renderers are loaded by the first close that has notes, not by every start.
  const { renderStaffNotes } = await import("../transcript/staff_notes.ts");
  return renderStaffNotes(notes, t(locale, "notes.transcript_title", { number: ticket.number }));
}
