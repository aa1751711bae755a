/**
 * Attachments for a transcript: the copies already stored are used as they are;
 * the others are downloaded while the links still work, within the per-file and
 * per-ticket limits, and stored. Images small enough are shown inline.
 */
import type { HandlerContext } from "../context.ts";
import type { MessageId } from "../ids.ts";
import type { StoredAttachment, Ticket } from "../model.ts";
import { imageDataUri } from "../transcript/image_data_uri.ts";
import { readAttachments } from "../transcript/message_view.ts";

const MB = 1024 * 1024;

/** Limits of what is copied and shown. */
export interface AttachmentLimits {
  /** Largest attachment copied into the database (default 8 MB). */
  maxAttachmentBytes?: number;
  /** Most attachment bytes copied per ticket (default 50 MB). */
  maxTicketAttachmentBytes?: number;
  /** Most image bytes shown inline in the HTML transcript (default 4 MB); others are linked. */
  maxInlineImageBytes?: number;
}

/** The attachments met while rendering a transcript. */
export interface AttachmentKeeper {
  /** Attachment id -> data URI of images shown inline. */
  readonly images: Map<string, string>;
  /** Ids of every attachment with a stored copy. */
  readonly storedIds: Set<string>;
  /** Uses or makes the copies of message `messageId`'s attachments. */
  keep(messageId: string, raw: Record<string, unknown>): Promise<void>;
}

/** The default per-file limit of copied attachments. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 8 * MB;
/** The default per-ticket limit of copied attachments. */
export const DEFAULT_MAX_TICKET_ATTACHMENT_BYTES = 50 * MB;

/** Loads the stored copies of `ticket`'s attachments and keeps the rest as they come. */
export async function createAttachmentKeeper(
  ticket: Ticket,
  ctx: Pick<HandlerContext, "discord" | "transcripts" | "log">,
  limits: AttachmentLimits,
): Promise<AttachmentKeeper> {
  const maxFile = limits.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const maxTicket = limits.maxTicketAttachmentBytes ?? DEFAULT_MAX_TICKET_ATTACHMENT_BYTES;
  let inlineBudget = limits.maxInlineImageBytes ?? 4 * MB;

  const stored = new Map<string, StoredAttachment>();
  for (const attachment of await ctx.transcripts.attachments(ticket.id)) {
    stored.set(attachment.attachmentId, attachment);
  }
  let storedBytes = 0;
  for (const attachment of stored.values()) storedBytes += attachment.size;
  const storedIds = new Set(stored.keys());
  const images = new Map<string, string>();

  const inline = (attachment: { id: string; data: Uint8Array }) => {
    if (attachment.data.byteLength > inlineBudget) return;
    const uri = imageDataUri(attachment.data);
    if (uri === null) return;
    images.set(attachment.id, uri);
    inlineBudget -= attachment.data.byteLength;
  };

  return {
    images,
    storedIds,
    async keep(messageId, raw) {
      // An attachment without a URL cannot be copied.
      for (const a of readAttachments(raw).filter((a) => a.url !== "")) {
        const copy = stored.get(a.id);
        if (copy !== undefined) {
          inline({ id: a.id, data: copy.data });
          stored.delete(a.id);
          continue;
        }
        if (storedIds.has(a.id)) continue;
        const room = Math.min(maxFile, maxTicket - storedBytes);
        if (a.size > room || room <= 0) continue;
        let data: Uint8Array | null;
        try {
          data = await ctx.discord.download(a.url, room);
        } catch (error) {
          ctx.log.warn("Transcript of ticket {number}: attachment {id} not kept: {error}", {
            number: ticket.number,
            id: a.id,
            error,
          });
          continue;
        }
        if (data === null) continue;
        await ctx.transcripts.saveAttachment({
          ticketId: ticket.id,
          messageId: messageId as MessageId,
          attachmentId: a.id,
          filename: a.filename,
          contentType: a.contentType,
          size: data.byteLength,
          data,
        });
        storedIds.add(a.id);
        storedBytes += data.byteLength;
        inline({ id: a.id, data });
      }
    },
  };
}
