/**
 * What a member's copy of their data keeps: their own words, never another
 * member's. A reply quotes someone else's message, a ticket's close reason may
 * be a staff member's: those are left out.
 */
import type { Ticket } from "../model.ts";

type Raw = Record<string, unknown>;

/** `ticket` with the words others wrote in it (a close reason by someone else) left out. */
export function ownTicket(ticket: Ticket, userId: string): Ticket {
  // Whether staff keep a notes thread is theirs to know, not the member's.
  const { notesThreadId: _staffThread, ...own } = ticket;
  return ticket.closedBy === userId ? own : { ...own, closeReason: null };
}

/**
 * `userId`'s message (Discord's message JSON) without others' words: a quoted
 * message of someone else keeps only its id, mentions only the ids.
 */
export function ownPayload(payload: unknown, userId: string): unknown {
  if (typeof payload !== "object" || payload === null) return payload;
  const out: Raw = { ...(payload as Raw) };
  const referenced = out.referenced_message as Raw | null | undefined;
  if (referenced && (referenced.author as Raw | undefined)?.id !== userId) {
    out.referenced_message = { id: referenced.id };
  }
  if (Array.isArray(out.mentions)) {
    out.mentions = out.mentions.map((m) => ({ id: (m as Raw | null)?.id }));
  }
  delete out.message_snapshots;
  delete out.interaction_metadata;
  delete out.interaction;
  return out;
}
