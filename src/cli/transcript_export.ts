/**
 * Reads a stored transcript back out, for `ticketeer transcript <guild-id>
 * <ticket-number> [--out FILE]`.
 */
import { type GuildId, isSnowflake } from "../core/ids.ts";
import type { Stores } from "../core/ports.ts";

/** The stored rendering of a closed (or closing) ticket's transcript. */
export async function exportTranscript(
  stores: Pick<Stores, "tickets" | "transcripts">,
  guildId: string,
  ticketNumber: number,
  format: "html" | "text",
): Promise<string> {
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
  const transcript = await stores.transcripts.get(ticket.id);
  if (transcript === null) {
    throw new Error(
      `Cannot export the transcript of ticket ${ticketNumber}: it has none stored yet ` +
        `(the ticket is ${ticket.status})`,
    );
  }
  return format === "html" ? transcript.html : transcript.text;
}
