/**
 * `/ticket notes [text]` (staff of the ticket's type). In a channel ticket it opens,
 * the first time, a private thread inside the ticket channel for staff (the
 * opener is never added, and nobody is mentioned there, since a mention would add
 * them) and adds whoever runs it; afterwards it adds them and links it. A thread
 * ticket has no room for a thread of its own: there a note is kept in the
 * database (`text`), and without `text` the notes are shown to the one asking.
 * Either way, a `text` is kept as a note. Notes are never shown to the opener.
 */
import type { HandlerContext } from "../context.ts";
import type { CommandInput } from "../interaction.ts";
import type { ChannelId } from "../ids.ts";
import type { StaffNote, Ticket } from "../model.ts";
import { rolesOf } from "../access.ts";
import { refuse } from "../refusal.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { guildText, readerText } from "../language.ts";
import { isReply, ticketInChannel, type TicketScope } from "../tickets/ticket_scope.ts";
import { livesInThread } from "../tickets/ticket_place.ts";
import { botPermissionsIn, missingForThreads } from "../tickets/ticket_thread.ts";
import { keepTypedNote } from "../notes/keep_notes.ts";
import { addToThread } from "../tickets/thread_members.ts";
import type { Translator } from "../../i18n/translator.ts";
import { defineSubcommand, OptionType, type OptionValues } from "./define_command.ts";

/** Longest typed note. */
export const MAX_NOTE_LENGTH = 1000;
/** Room for the notes listed in one answer (an embed description holds 4,096). */
const LIST_ROOM = 3800;

const OPTIONS = [{
  type: OptionType.String,
  name: "text",
  description: "A note only staff see",
  required: false,
  max_length: MAX_NOTE_LENGTH,
}] as const;

/** `/ticket notes [text]`. */
export const ticketNotes = defineSubcommand({
  name: "notes",
  description: "Open the private staff thread, or show and add notes",
  options: OPTIONS,
  handler: handleTicketNotes,
});

/** The ticket of this channel, or of the staff thread the command runs in. */
async function scopeOf(input: CommandInput, ctx: HandlerContext): Promise<TicketScope | Reply> {
  const inStaffThread = await ctx.notes.ticketOfThread(input.channelId);
  if (inStaffThread === null || inStaffThread.guildId !== input.guildId) {
    return await ticketInChannel(input, ctx);
  }
  const type = await ctx.types.get(inStaffThread.typeId);
  if (type === null || inStaffThread.status === "closed") return await ticketInChannel(input, ctx);
  return { ticket: inStaffThread, type };
}

/** Handles `/ticket notes`. */
export async function handleTicketNotes(
  input: CommandInput,
  ctx: HandlerContext,
  options: OptionValues<typeof OPTIONS>,
): Promise<Reply> {
  const scope = await scopeOf(input, ctx);
  if (isReply(scope)) return scope;
  const { ticket, type } = scope;
  const reader = readerText(input);
  if (!rolesOf(input.member, { type, ticket }).has("staff")) {
    return refuse("not_staff", reader.t("notes.not_staff"));
  }
  const text = (options.text ?? "").trim();
  await ctx.defer({ ephemeral: true });
  const channelId = ticket.channelId;
  if (channelId === null || await livesInThread(ctx.discord, channelId)) {
    if (text === "") return listNotes(await ctx.notes.list(ticket.id), ticket, reader);
    await keep(ctx, input, ticket, text);
    return ephemeral(reader.t("notes.added", { number: ticket.number }));
  }
  const thread = await staffThread(ctx, input, ticket, channelId);
  if (!("id" in thread)) return thread.reply;
  if (text !== "") await keep(ctx, input, ticket, text);
  const link = reader.t(thread.opened ? "notes.opened" : "notes.linked", {
    number: ticket.number,
    thread: thread.id,
  });
  return ephemeral(
    text === "" ? link : `${reader.t("notes.added", { number: ticket.number })}\n${link}`,
  );
}

async function keep(ctx: HandlerContext, input: CommandInput, ticket: Ticket, text: string) {
  await keepTypedNote(ctx, ticket, { id: input.id, author: input.member.user, text });
  await ctx.audit.record({
    guildId: ticket.guildId,
    ticketId: ticket.id,
    actorId: input.member.user.id,
    action: "ticket.note",
    detail: { number: ticket.number },
  });
}

/** The ticket's staff thread with the member in it: made now (`opened`) or found. */
async function staffThread(
  ctx: HandlerContext,
  input: CommandInput,
  ticket: Ticket,
  channelId: ChannelId,
): Promise<{ id: ChannelId; opened: boolean } | { reply: Reply }> {
  const me = input.member.user.id;
  const known = ticket.notesThreadId ?? null;
  if (known !== null) {
    await addToThread(ctx.discord, known, me);
    return { id: known, opened: false };
  }
  const channel = await ctx.discord.channel(channelId);
  const reader = readerText(input);
  const missing = channel === null
    ? []
    : missingForThreads(await botPermissionsIn(ctx.discord, channel));
  if (missing.length > 0) {
    const list = new Intl.ListFormat(reader.locale, { type: "conjunction" }).format(missing);
    return {
      reply: refuse(
        "bot_missing_permissions",
        reader.t("notes.missing_permissions", { list, count: missing.length }),
      ),
    };
  }
  const guild = await guildText(ctx, input);
  const thread = await ctx.discord.createPrivateThread(channelId, {
    name: guild.t("notes.thread_name", { number: ticket.number }),
  });
  if (!(await ctx.notes.setThread(ticket.id, thread.id))) {
    // Another member of staff made one at the same moment: theirs is kept.
    await ctx.discord.deleteChannel(thread.id, "A second staff thread");
    const current = await ctx.tickets.get(ticket.id);
    return await staffThread(ctx, input, { ...ticket, ...current }, channelId);
  }
  await ctx.discord.sendMessage(thread.id, {
    content: guild.t("notes.thread_welcome", { number: ticket.number }),
    allowed_mentions: { parse: [] },
  });
  await ctx.discord.addThreadMember(thread.id, me);
  await ctx.audit.record({
    guildId: ticket.guildId,
    ticketId: ticket.id,
    actorId: me,
    action: "ticket.notes_thread",
    detail: { number: ticket.number, threadId: thread.id },
  });
  return { id: thread.id, opened: true };
}

/** The newest notes that fit in one answer, oldest first, with a count of the rest. */
function listNotes(notes: readonly StaffNote[], ticket: Ticket, reader: Translator): Reply {
  if (notes.length === 0) return ephemeral(reader.t("notes.none", { number: ticket.number }));
  const lines: string[] = [];
  let room = LIST_ROOM;
  for (const note of [...notes].reverse()) {
    const line = `<t:${Math.floor(note.createdAt.getTime() / 1000)}:f> <@${note.authorId}>: ${
      contentOf(note)
    }`;
    if (line.length > room) break;
    lines.unshift(line);
    room -= line.length + 1;
  }
  const older = notes.length - lines.length;
  const more = older > 0 ? `\n${reader.t("notes.more", { count: older })}` : "";
  return {
    kind: "message",
    ephemeral: true,
    body: {
      embeds: [{
        title: reader.t("notes.title", { number: ticket.number }),
        description: lines.join("\n") + more,
      }],
      allowed_mentions: { parse: [] },
    },
  };
}

function contentOf(note: StaffNote): string {
  try {
    const raw = JSON.parse(note.payload) as { content?: unknown };
    return typeof raw.content === "string" ? raw.content : "";
  } catch {
    return "";
  }
}
