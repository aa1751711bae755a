/**
 * The transcript of a ticket: its history fetched page by page (100 messages at
 * a time) and rendered as HTML and text, with the messages deleted while it was
 * open taken from the live archive. Raw messages are dropped as soon as their
 * page is rendered, so a 10,000-message ticket never holds all of them at once;
 * only the rendered output grows.
 */
import type { HandlerContext } from "../context.ts";
import { compareSnowflakes, type MessageId } from "../ids.ts";
import type { Ticket } from "../model.ts";
import { isDiscordFailure } from "../discord_failure.ts";
import { createHtmlRenderer } from "../transcript/render_html.ts";
import { createTextRenderer } from "../transcript/render_text.ts";
import type { RoleLabel, TranscriptMessage, TranscriptOptions } from "../transcript/types.ts";
import { archiveRecord } from "./archive_message.ts";
import { type AttachmentLimits, createAttachmentKeeper } from "./close_attachments.ts";
import { createAvatarKeeper } from "./close_avatars.ts";

const PAGE_SIZE = 100;

/** What the history pass produced. */
export interface RenderedHistory {
  html: string;
  text: string;
  messageCount: number;
}

/** An archived payload as an object, or null when it is not one. */
export function parsePayload(payload: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? value as Record<string, unknown>
      : null;
  } catch {
    return null;
  }
}

/** Role and channel names for mentions: best effort, raw ids otherwise. */
async function mentionNames(ticket: Ticket, ctx: HandlerContext) {
  const roles = new Map<string, RoleLabel>();
  const channels = new Map<string, string>();
  try {
    for (const role of await ctx.discord.roles(ticket.guildId)) {
      roles.set(role.id, { name: role.name, color: role.color ?? 0, position: role.position });
    }
    for (const channel of await ctx.discord.guildChannels(ticket.guildId)) {
      channels.set(channel.id, channel.name);
    }
  } catch (error) {
    ctx.log.warn("Transcript of ticket {number}: could not load role and channel names: {error}", {
      number: ticket.number,
      error,
    });
  }
  return { roles, channels };
}

/** Fetches, archives and renders the whole history; stores attachment copies on the way. */
export async function renderHistory(
  ticket: Ticket,
  ctx: HandlerContext,
  options: AttachmentLimits & { header: TranscriptOptions["info"] },
): Promise<RenderedHistory> {
  const { discord, log } = ctx;

  // Messages deleted while the ticket was open exist only in the live archive.
  const archived = await ctx.archive.messages(ticket.id);
  const deleted: TranscriptMessage[] = archived
    .filter((m) => m.deletedAt !== null)
    .flatMap((m) => {
      const raw = parsePayload(m.payload);
      return raw === null ? [] : [{ raw: { ...raw, id: m.messageId }, deletedAt: m.deletedAt }];
    })
    .sort((a, b) => compareSnowflakes(String(a.raw.id), String(b.raw.id)));
  archived.length = 0;

  const names = await mentionNames(ticket, ctx);
  const attachments = await createAttachmentKeeper(ticket, ctx, options);
  const avatars = createAvatarKeeper(discord, { log, number: ticket.number });

  const renderOptions: TranscriptOptions = {
    info: options.header,
    names,
    avatars: avatars.avatars,
    images: attachments.images,
    storedAttachments: attachments.storedIds,
  };
  const html = createHtmlRenderer(renderOptions);
  const text = createTextRenderer(renderOptions);
  // The headers are written last and put first, so they name the users met on the way.
  const htmlParts: string[] = [""];
  const textParts: string[] = [""];
  const emit = (entries: TranscriptMessage[]) => {
    if (entries.length === 0) return;
    htmlParts.push(html.render(entries));
    textParts.push(text.render(entries));
  };
  /** Deleted messages older than `id` (all of them when `id` is null), in order. */
  const takeDeleted = (id: string | null): TranscriptMessage[] => {
    let n = 0;
    while (
      n < deleted.length && (id === null || compareSnowflakes(String(deleted[n]!.raw.id), id) < 0)
    ) {
      n++;
    }
    return deleted.splice(0, n);
  };

  let after: MessageId | null = null;
  let channelGone = ticket.channelId === null;
  while (!channelGone && ticket.channelId !== null) {
    let page;
    try {
      page = await discord.messagesAfter(ticket.channelId, after, PAGE_SIZE);
    } catch (error) {
      if (!isDiscordFailure(error, "unknown_channel")) throw error;
      channelGone = true;
      break;
    }
    if (page.length === 0) break;
    const entries: TranscriptMessage[] = [];
    for (const message of page) {
      await avatars.keep(message.raw);
      await attachments.keep(message.id, message.raw);
      entries.push(...takeDeleted(message.id), { raw: message.raw, deletedAt: null });
      // The live archive keeps what the gateway missed (e.g. while the bot was down).
      await ctx.archive.add(archiveRecord(ticket.id, message.raw, new Date(0)));
    }
    emit(entries);
    after = page[page.length - 1]!.id;
    if (page.length < PAGE_SIZE) break;
  }

  if (channelGone) {
    // The channel is gone: what the live archive kept is all there is.
    log.warn("Ticket {number}'s channel is gone; its transcript comes from the live archive", {
      number: ticket.number,
    });
    for (const m of await ctx.archive.messages(ticket.id)) {
      if (after !== null && compareSnowflakes(m.messageId, after) <= 0) continue;
      if (m.deletedAt !== null) continue;
      const raw = parsePayload(m.payload);
      if (raw === null) continue;
      await attachments.keep(m.messageId, raw);
      emit([...takeDeleted(m.messageId), { raw: { ...raw, id: m.messageId }, deletedAt: null }]);
    }
  }
  emit(takeDeleted(null));
  htmlParts.push(html.end());
  textParts.push(text.end());
  [htmlParts[0], textParts[0]] = [html.begin(), text.begin()];
  return { html: htmlParts.join(""), text: textParts.join(""), messageCount: html.count };
}
