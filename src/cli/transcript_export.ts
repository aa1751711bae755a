/**
 * Reads a stored transcript back out, for `ticketeer transcript <guild-id>
 * <ticket-number> [--out FILE] [--notes]`: the transcript, or its staff part
 * (the staff notes, rendered the same way).
 */
import { type GuildId, isSnowflake } from "../core/ids.ts";
import type { Ticket } from "../core/model.ts";
import type { Stores } from "../core/ports.ts";
import { renderStaffNotes } from "../core/transcript/staff_notes.ts";

/** The stored rendering of a closed (or closing) ticket's transcript. */
export async function exportTranscript(
  stores: Pick<Stores, "tickets" | "transcripts">,
  guildId: string,
  ticketNumber: number,
  format: "html" | "text",
): Promise<string> {
  const ticket = await ticketNumbered(stores, guildId, ticketNumber);
  const transcript = await stores.transcripts.get(ticket.id);
  if (transcript === null) {
    throw new Error(
      `Cannot export the transcript of ticket ${ticketNumber}: it has none stored yet ` +
        `(the ticket is ${ticket.status})`,
    );
  }
  return format === "html" ? transcript.html : transcript.text;
}

/** The staff notes of a ticket (open or closed), rendered like a transcript. */
export async function exportStaffNotes(
  stores: Pick<Stores, "tickets" | "notes">,
  guildId: string,
  ticketNumber: number,
  format: "html" | "text",
): Promise<string> {
  const ticket = await ticketNumbered(stores, guildId, ticketNumber);
  const notes = await stores.notes.list(ticket.id);
  if (notes.length === 0) {
    throw new Error(`Cannot export the staff notes of ticket ${ticketNumber}: it has none`);
  }
  const rendered = renderStaffNotes(notes, `Staff notes · ticket #${ticket.number}`);
  return format === "html" ? rendered.html : rendered.text;
}

async function ticketNumbered(
  stores: Pick<Stores, "tickets">,
  guildId: string,
  ticketNumber: number,
): Promise<Ticket> {
  if (!isSnowflake(guildId)) {
    throw new RangeError(`Cannot export a transcript: "${guildId}" is not a guild id`);
  }
  if (!Number.isSafeInteger(ticketNumber) || ticketNumber < 1) {
    throw new RangeError(
      `Cannot export a transcript: "${ticketNumber}" is not a ticket number (1 or more)`,
    );
  }
  const ticket = await stores.tickets.byNumber(guildId as GuildId, ticketNumber);
  if (ticket === null) {
    throw new Error(
      `Cannot export the transcript of ticket ${ticketNumber}: guild ${guildId} has no such ticket`,
    );
  }
  return ticket;
}
