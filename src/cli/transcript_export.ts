/**
 * Reads stored transcripts back out, for `ticketeer transcript <guild-id>
 * <ticket-number> [--close N] [--list] [--notes] [--out FILE]`: a reopened ticket
 * keeps one transcript per close, the latest unless another is asked for; with
 * `--notes`, its staff notes, rendered the same way.
 */
import { type GuildId, isSnowflake } from "../core/ids.ts";
import type { Ticket } from "../core/model.ts";
import type { Stores } from "../core/ports.ts";
import { renderStaffNotes } from "../core/transcript/staff_notes.ts";

/** A ticket as the command line names it. */
export interface TicketRef {
  guildId: string;
  number: number;
}

async function ticketOf(
  stores: Pick<Stores, "tickets">,
  ref: TicketRef,
): Promise<Ticket> {
  if (!isSnowflake(ref.guildId)) {
    throw new RangeError(`Cannot export a transcript: "${ref.guildId}" is not a guild id`);
  }
  if (!Number.isSafeInteger(ref.number) || ref.number < 1) {
    throw new RangeError(
      `Cannot export a transcript: "${ref.number}" is not a ticket number (1 or more)`,
    );
  }
  const ticket = await stores.tickets.byNumber(ref.guildId as GuildId, ref.number);
  if (ticket === null) {
    throw new Error(
      `Cannot export the transcript of ticket ${ref.number}: guild ${ref.guildId} has no such ticket`,
    );
  }
  return ticket;
}

/** The stored rendering of a ticket's latest transcript, or of the one of its `close`th close. */
export async function exportTranscript(
  stores: Pick<Stores, "tickets" | "transcripts">,
  ref: TicketRef,
  options: { format: "html" | "text"; close?: number | null },
): Promise<string> {
  const ticket = await ticketOf(stores, ref);
  const close = options.close ?? undefined;
  const transcript = await stores.transcripts.get(ticket.id, close);
  if (transcript === null) {
    if (close !== undefined) {
      const count = (await stores.transcripts.list(ticket.id)).length;
      throw new Error(
        `Cannot export transcript ${close} of ticket ${ref.number}: it has ${count} ` +
          `(run with --list to see them)`,
      );
    }
    throw new Error(
      `Cannot export the transcript of ticket ${ref.number}: it has none stored yet ` +
        `(the ticket is ${ticket.status})`,
    );
  }
  return options.format === "html" ? transcript.html : transcript.text;
}

/** One line per stored transcript of the ticket: its number, when, and how many messages. */
export async function listTranscripts(
  stores: Pick<Stores, "tickets" | "transcripts">,
  ref: TicketRef,
): Promise<string> {
  const ticket = await ticketOf(stores, ref);
  const kept = await stores.transcripts.list(ticket.id);
  if (kept.length === 0) {
    return `Ticket ${ref.number} has no stored transcript yet (it is ${ticket.status})\n`;
  }
  return kept.map((t) =>
    `${t.sequence}\t${t.createdAt.toISOString()}\t${t.messageCount} messages\t${t.byteSize} bytes\n`
  ).join("");
}

/** The staff notes of a ticket (open or closed), rendered like a transcript. */
export async function exportStaffNotes(
  stores: Pick<Stores, "tickets" | "notes">,
  ref: TicketRef,
  options: { format: "html" | "text" },
): Promise<string> {
  const ticket = await ticketOf(stores, ref);
  const notes = await stores.notes.list(ticket.id);
  if (notes.length === 0) {
    throw new Error(`Cannot export the staff notes of ticket ${ref.number}: it has none`);
  }
  const rendered = renderStaffNotes(notes, `Staff notes · ticket #${ticket.number}`);
  return options.format === "html" ? rendered.html : rendered.text;
}
