/**
 * Attachments are copied when their message arrives, while Discord's signed
 * CDN links still work (they expire after about a day); the close then uses the
 * stored copies. Bounded by the same per-file and per-ticket limits as a close.
 */
import type { HandlerContext } from "../context.ts";
import type { MessageId } from "../ids.ts";
import type { Ticket } from "../model.ts";
import { readAttachments } from "../transcript/message_view.ts";
import {
  type AttachmentLimits,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  DEFAULT_MAX_TICKET_ATTACHMENT_BYTES,
} from "./close_attachments.ts";

/** Copies the attachments of message `raw` of `ticket`; failures are logged, never thrown. */
export async function copyAttachments(
  ticket: Ticket,
  raw: Record<string, unknown>,
  ctx: Pick<HandlerContext, "discord" | "transcripts" | "log">,
  limits: AttachmentLimits = {},
): Promise<number> {
  const maxFile = limits.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const maxTicket = limits.maxTicketAttachmentBytes ?? DEFAULT_MAX_TICKET_ATTACHMENT_BYTES;
  const list = readAttachments(raw).filter((a) => a.url !== "" && a.size <= maxFile);
  if (list.length === 0 || typeof raw.id !== "string") return 0;
  let copied = 0;
  for (const a of list) {
    try {
      const room = Math.min(maxFile, maxTicket - await ctx.transcripts.attachmentBytes(ticket.id));
      if (room <= 0 || a.size > room) continue;
      const data = await ctx.discord.download(a.url, room);
      if (data === null) continue;
      await ctx.transcripts.saveAttachment({
        ticketId: ticket.id,
        messageId: raw.id as MessageId,
        attachmentId: a.id,
        filename: a.filename,
        contentType: a.contentType,
        size: data.byteLength,
        data,
      });
      copied++;
    } catch (error) {
      ctx.log.warn("Ticket {number}: attachment {id} not copied: {error}", {
        number: ticket.number,
        id: a.id,
        error,
      });
    }
  }
  return copied;
}
