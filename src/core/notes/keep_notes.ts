/**
 * Keeping staff notes: a message of a ticket's staff thread (from the gateway as
 * it arrives, or from the thread's history at close), or a typed note of
 * `/ticket notes text:...`, which is stored as a message-like record so one
 * renderer shows both.
 */
import type { HandlerContext } from "../context.ts";
import type { ChannelId, MessageId } from "../ids.ts";
import type { Ticket } from "../model.ts";
import type { UserRef } from "../interaction.ts";
import { snowflakeTime } from "../ids.ts";
import { isDiscordFailure } from "../discord_failure.ts";

/** Messages read per history page. */
const PAGE = 100;

/** Keeps one message (Discord's JSON) of a ticket's staff thread as a note. */
export async function keepNoteMessage(
  ctx: Pick<HandlerContext, "notes">,
  ticket: Pick<Ticket, "id">,
  raw: Record<string, unknown>,
): Promise<void> {
  const id = typeof raw.id === "string" ? raw.id : null;
  const author = raw.author as { id?: unknown } | undefined;
  if (id === null || typeof author?.id !== "string") return;
  await ctx.notes.add({
    ticketId: ticket.id,
    noteId: id,
    authorId: author.id as UserRef["id"],
    payload: JSON.stringify(raw),
    createdAt: snowflakeTime(id),
  });
}

/** Keeps a typed note by `author`, identified by the interaction that wrote it. */
export async function keepTypedNote(
  ctx: Pick<HandlerContext, "notes" | "clock">,
  ticket: Pick<Ticket, "id">,
  note: { id: string; author: UserRef; text: string },
): Promise<void> {
  const at = ctx.clock.now();
  await ctx.notes.add({
    ticketId: ticket.id,
    noteId: note.id,
    authorId: note.author.id,
    payload: JSON.stringify({
      id: note.id,
      type: 0,
      content: note.text,
      timestamp: at.toISOString(),
      edited_timestamp: null,
      author: {
        id: note.author.id,
        username: note.author.username,
        global_name: note.author.globalName,
        avatar: note.author.avatar,
        bot: note.author.bot,
      },
      embeds: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
    }),
    createdAt: at,
  });
}

/**
 * Reads the whole history of the ticket's staff thread into the notes (what the
 * live archive may have missed); a ticket without one has nothing to read.
 */
export async function keepNotesHistory(ctx: HandlerContext, ticket: Ticket): Promise<number> {
  const threadId = ticket.notesThreadId ?? null;
  if (threadId === null) return 0;
  let after: MessageId | null = null;
  let kept = 0;
  for (;;) {
    let page;
    try {
      page = await ctx.discord.messagesAfter(threadId as ChannelId, after, PAGE);
    } catch (error) {
      // A staff thread someone deleted keeps what the live archive recorded.
      if (isDiscordFailure(error, "unknown_channel")) return kept;
      throw error;
    }
    for (const message of page) {
      await keepNoteMessage(ctx, ticket, { ...message.raw, id: message.id });
      kept++;
    }
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) return kept;
    after = last.id;
  }
}

/** The open ticket whose staff thread is `channelId`, or null. */
export async function staffThreadTicket(
  channelId: ChannelId,
  ctx: Pick<HandlerContext, "notes">,
): Promise<Ticket | null> {
  const ticket = await ctx.notes.ticketOfThread(channelId);
  return ticket === null || ticket.status === "closed" ? null : ticket;
}
