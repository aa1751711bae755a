/**
 * The live archive: the gateway's MESSAGE_CREATE, MESSAGE_UPDATE and
 * MESSAGE_DELETE payloads in ticket channels are recorded as they happen, so the
 * transcript can show messages deleted before the close, and edits as edited.
 * Messages outside guilds, and in channels that hold no open ticket, are ignored
 * (the app keeps the set of ticket channels in memory, so most cost no lookup).
 */
import type { Logger } from "@logtape/logtape";
import type { ArchivedMessage, Ticket, TicketId } from "../model.ts";
import type { ArchiveStore, Clock, TicketStore } from "../ports.ts";
import { type ChannelId, isSnowflake, type MessageId, type UserId } from "../ids.ts";

/** What the archive handlers need. */
export interface ArchiveContext {
  tickets: TicketStore;
  archive: ArchiveStore;
  clock: Clock;
  log: Logger;
}

type Raw = Record<string, unknown>;

/** The ticket (open or closing) whose channel the payload names, or null. */
export async function archivedTicketOf(raw: Raw, ctx: ArchiveContext): Promise<Ticket | null> {
  if (!isSnowflake(raw.guild_id) || !isSnowflake(raw.channel_id)) return null;
  const ticket = await ctx.tickets.byChannel(raw.channel_id as ChannelId);
  if (ticket === null || ticket.status === "closed" || ticket.guildId !== raw.guild_id) {
    return null;
  }
  return ticket;
}

function date(value: unknown, fallback: Date): Date {
  if (typeof value !== "string") return fallback;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? fallback : parsed;
}

/**
 * The archive record of message `raw` (whose `id` is a snowflake) in a ticket;
 * `at` stands in for a missing or unreadable timestamp.
 */
export function archiveRecord(
  ticketId: TicketId,
  raw: Raw,
  at: Date,
): Omit<ArchivedMessage, "editedAt" | "deletedAt"> {
  const author = raw.author as Raw | undefined;
  const authorId = isSnowflake(author?.id) ? author.id : "0";
  return {
    ticketId,
    messageId: raw.id as MessageId,
    authorId: authorId as UserId,
    payload: JSON.stringify(raw),
    createdAt: date(raw.timestamp, at),
  };
}

/** Records a new message in a ticket channel (gateway MESSAGE_CREATE). */
export async function archiveMessageCreate(raw: Raw, ctx: ArchiveContext): Promise<void> {
  const ticket = await archivedTicketOf(raw, ctx);
  if (ticket !== null) await archiveMessageIn(ticket, raw, ctx);
}

/** Records a new message of `ticket`, already looked up by `archivedTicketOf`. */
export async function archiveMessageIn(
  ticket: Ticket,
  raw: Raw,
  ctx: ArchiveContext,
): Promise<void> {
  if (!isSnowflake(raw.id)) return;
  await ctx.archive.add(archiveRecord(ticket.id, raw, ctx.clock.now()));
}

/**
 * Records an edit (gateway MESSAGE_UPDATE). An update without `edited_timestamp`
 * (Discord unfurling a link into an embed) is not an edit: the new payload is
 * kept, since the close renders from the archive, but not marked edited.
 */
export async function archiveMessageUpdate(raw: Raw, ctx: ArchiveContext): Promise<void> {
  if (!isSnowflake(raw.id)) return;
  const ticket = await archivedTicketOf(raw, ctx);
  if (ticket === null) return;
  if (typeof raw.edited_timestamp !== "string") {
    // Only a whole message replaces the record; a partial update would lose its content.
    if (isSnowflake((raw.author as Raw | undefined)?.id) && typeof raw.content === "string") {
      await ctx.archive.refresh(raw.id as MessageId, JSON.stringify(raw));
    }
    return;
  }
  await ctx.archive.markEdited(
    raw.id as MessageId,
    JSON.stringify(raw),
    date(raw.edited_timestamp, ctx.clock.now()),
  );
}

/** Marks a message deleted (gateway MESSAGE_DELETE). */
export async function archiveMessageDelete(raw: Raw, ctx: ArchiveContext): Promise<void> {
  if (!isSnowflake(raw.id)) return;
  const ticket = await archivedTicketOf(raw, ctx);
  if (ticket === null) return;
  await ctx.archive.markDeleted(raw.id as MessageId, ctx.clock.now());
}

/** Marks several messages deleted (gateway MESSAGE_DELETE_BULK). */
export async function archiveMessageDeleteBulk(raw: Raw, ctx: ArchiveContext): Promise<void> {
  const ids = Array.isArray(raw.ids) ? raw.ids.filter(isSnowflake) : [];
  if (ids.length === 0) return;
  const ticket = await archivedTicketOf(raw, ctx);
  if (ticket === null) return;
  const at = ctx.clock.now();
  for (const id of ids) await ctx.archive.markDeleted(id as MessageId, at);
}
