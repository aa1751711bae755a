/**
 * The staff part of a transcript: a ticket's notes rendered on their own, as HTML
 * and as text, by the same renderers as the transcript. Only staff views carry
 * it (the log channel, the staff web page, `ticketeer transcript --notes`); the
 * opener's DM and web view never do.
 */
import type { StaffNote } from "../model.ts";
import { createHtmlRenderer } from "./render_html.ts";
import { createTextRenderer } from "./render_text.ts";
import type { TranscriptMessage } from "./types.ts";

/** The notes, rendered. */
export interface RenderedNotes {
  html: string;
  text: string;
  count: number;
}

function parsed(note: StaffNote): TranscriptMessage | null {
  try {
    const raw: unknown = JSON.parse(note.payload);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
    return { raw: { ...raw as Record<string, unknown>, id: note.noteId }, deletedAt: null };
  } catch {
    return null;
  }
}

/** Renders `notes` under `title` (e.g. "Staff notes · ticket #42"). */
export function renderStaffNotes(notes: readonly StaffNote[], title: string): RenderedNotes {
  const options = { info: { title, details: [] } };
  const html = createHtmlRenderer(options);
  const text = createTextRenderer(options);
  const entries = notes.map(parsed).filter((m): m is TranscriptMessage => m !== null);
  const htmlBody = html.render(entries);
  const textBody = text.render(entries);
  return {
    html: html.begin() + htmlBody + html.end(),
    text: text.begin() + textBody + text.end(),
    count: html.count,
  };
}
