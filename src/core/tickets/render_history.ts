/**
 * The transcript of a ticket, rendered from the live archive: first the spans
 * the archive may have missed are read from Discord's history into it (see
 * `fill_gaps.ts`), then the archive is read page by page and rendered message
 * by message as HTML and text, deleted messages included. Each message is parsed
 * only while it is rendered, and its rendering is written at once as UTF-8
 * bytes, so a 10,000-message ticket holds neither all of its messages nor its
 * rendering as strings: only the two documents' bytes grow.
 */
import type { HandlerContext } from "../context.ts";
import type { MessageId } from "../ids.ts";
import type { Ticket } from "../model.ts";
import { createHtmlRenderer } from "../transcript/render_html.ts";
import { createTextRenderer } from "../transcript/render_text.ts";
import type { RoleLabel, TranscriptOptions } from "../transcript/types.ts";
import { utf8Builder } from "../transcript/utf8_builder.ts";
import { type AttachmentLimits, createAttachmentKeeper } from "./close_attachments.ts";
import { createAvatarKeeper } from "./close_avatars.ts";
import { fillArchiveGaps } from "./fill_gaps.ts";
import type { Locale } from "../../i18n/locale.ts";

/** Archived messages read per query while rendering. */
const ARCHIVE_PAGE = 500;

/** What the history pass produced. */
export interface RenderedHistory {
  /** The HTML document as UTF-8. */
  html: Uint8Array;
  /** The text document as UTF-8. */
  text: Uint8Array;
  messageCount: number;
  /** History pages requested from Discord. */
  historyPages: number;
}

/** Options of `renderHistory`. */
export interface RenderOptions extends AttachmentLimits {
  header: TranscriptOptions["info"];
  /** The language of the transcript's labels and dates (the guild's); default English. */
  locale?: Locale;
  /** False when the bot is known to lack Read Message History (default true). */
  canReadHistory?: boolean;
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

/** Completes the archive from Discord where needed, then renders it; keeps attachment copies. */
export async function renderHistory(
  ticket: Ticket,
  ctx: HandlerContext,
  options: RenderOptions,
): Promise<RenderedHistory> {
  const names = await mentionNames(ticket, ctx);
  const attachments = await createAttachmentKeeper(ticket, ctx, options);
  const avatars = createAvatarKeeper(ctx.discord, { log: ctx.log, number: ticket.number });
  const filled = await fillArchiveGaps(ticket, ctx, {
    canReadHistory: options.canReadHistory ?? true,
    attachments,
  });

  const renderOptions: TranscriptOptions = {
    info: options.header,
    names,
    avatars: avatars.avatars,
    images: attachments.images,
    storedAttachments: attachments.storedIds,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  };
  const html = createHtmlRenderer(renderOptions);
  const text = createTextRenderer(renderOptions);
  // The headers are written last and put first, so they name the users met on the way.
  const htmlOut = utf8Builder();
  const textOut = utf8Builder();

  let after: MessageId | null = null;
  for (;;) {
    const page = await ctx.archive.page(ticket.id, after, ARCHIVE_PAGE);
    for (const m of page) {
      const raw = parsePayload(m.payload);
      if (raw === null) continue;
      const message = { ...raw, id: m.messageId };
      await avatars.keep(message);
      await attachments.keep(m.messageId, message);
      const entry = [{ raw: message, deletedAt: m.deletedAt }];
      htmlOut.append(html.render(entry));
      textOut.append(text.render(entry));
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < ARCHIVE_PAGE) break;
    after = last.messageId;
  }
  htmlOut.append(html.end());
  textOut.append(text.end());
  return {
    html: htmlOut.finish(html.begin()),
    text: textOut.finish(text.begin()),
    messageCount: html.count,
    historyPages: filled.pages,
  };
}
