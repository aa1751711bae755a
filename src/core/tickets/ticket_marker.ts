/**
 * The mark the bot leaves in a ticket channel's topic when it creates it, so an
 * open that takes over a crashed one recognises the channel made for its ticket.
 */
import type { TicketId } from "../model.ts";
import type { Channel } from "../discord_port.ts";

/** The mark of `ticketId` in a channel topic. */
export function ticketMarker(ticketId: TicketId): string {
  return `[ticket ${ticketId}]`;
}

/** The topic of a new ticket channel: `text`, then the mark. */
export function markedTopic(text: string, ticketId: TicketId): string {
  return `${text} ${ticketMarker(ticketId)}`;
}

/** Text channels whose topic carries the mark of `ticketId`, oldest first. */
export function channelsMarkedFor(channels: readonly Channel[], ticketId: TicketId): Channel[] {
  const marker = ticketMarker(ticketId);
  return channels
    .filter((c) => c.kind === "text" && (c.topic ?? "").endsWith(marker))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}
