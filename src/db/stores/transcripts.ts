/**
 * The `TranscriptStore`: closed tickets' transcripts (compressed when large), one
 * per close (`sequence` 1, 2, ... after reopens), and attachments.
 */
import { sql } from "kysely";
import type { TicketId, TranscriptInfo } from "../../core/model.ts";
import type { TranscriptStore } from "../../core/ports.ts";
import { toBytes, toDate, toDriverBytes, toNumber, toStoredAttachment } from "../row_mapping.ts";
import { decodeTranscript, encodeTranscript } from "../transcript_codec.ts";
import { insertOnce } from "./inserts.ts";
import { openAttachmentRows, openBytes, sealBytes } from "../encryption/sealed_rows.ts";
import { inTransaction, type StoreScope } from "./scope.ts";
import { snowflakeOrder } from "./snowflake_order.ts";
import type { TranscriptRow } from "../schema.ts";

/** The listed facts of a `transcripts` row. */
function toInfo(
  row: Pick<TranscriptRow, "ticket_id" | "sequence" | "message_count" | "byte_size" | "created_at">,
): TranscriptInfo {
  return {
    ticketId: toNumber(row.ticket_id) as TicketId,
    sequence: toNumber(row.sequence),
    messageCount: toNumber(row.message_count),
    byteSize: toNumber(row.byte_size),
    createdAt: toDate(row.created_at),
  };
}

/** A `TranscriptStore` whose queries run on `scope`. */
export function transcriptStore(scope: StoreScope): TranscriptStore {
  const { db } = scope;
  return {
    async save(transcript) {
      const encoded = await encodeTranscript(transcript.html, transcript.text);
      const createdAt = scope.now();
      const sequence = transcript.sequence ?? 1;
      // Saving one again (a resumed close, an erasure) replaces that one only.
      await inTransaction(scope, async (trx) => {
        await trx.deleteFrom("transcripts").where("ticket_id", "=", transcript.ticketId)
          .where("sequence", "=", sequence).execute();
        await trx.insertInto("transcripts").values({
          ticket_id: transcript.ticketId,
          sequence,
          html: toDriverBytes(await sealBytes(scope, encoded.html)),
          text: toDriverBytes(await sealBytes(scope, encoded.text)),
          compressed: encoded.compressed ? 1 : 0,
          byte_size: transcript.byteSize,
          message_count: transcript.messageCount,
          created_at: createdAt,
        }).execute();
      });
    },

    async get(ticketId, sequence) {
      let query = db.selectFrom("transcripts").selectAll().where("ticket_id", "=", ticketId);
      query = sequence === undefined
        ? query.orderBy("sequence", "desc").limit(1)
        : query.where("sequence", "=", sequence);
      const row = await query.executeTakeFirst();
      if (!row) return null;
      const { html, text } = await decodeTranscript({
        html: await openBytes(scope, toBytes(row.html)),
        text: await openBytes(scope, toBytes(row.text)),
        compressed: row.compressed === 1,
      });
      return { ...toInfo(row), html, text };
    },

    async list(ticketId) {
      const rows = await db.selectFrom("transcripts")
        .select(["ticket_id", "sequence", "message_count", "byte_size", "created_at"])
        .where("ticket_id", "=", ticketId).orderBy("sequence").execute();
      return rows.map(toInfo);
    },

    async saveAttachment(attachment) {
      // A resumed close may save the same attachment again: the first copy stays.
      await insertOnce(
        db.insertInto("attachments").values({
          ticket_id: attachment.ticketId,
          message_id: attachment.messageId,
          attachment_id: attachment.attachmentId,
          filename: attachment.filename,
          content_type: attachment.contentType,
          size: attachment.size,
          data: toDriverBytes(await sealBytes(scope, attachment.data)),
        }),
      );
    },

    async attachmentBytes(ticketId) {
      const row = await db.selectFrom("attachments")
        .select(sql<number | string | null>`sum(size)`.as("bytes"))
        .where("ticket_id", "=", ticketId).executeTakeFirst();
      return row?.bytes === null || row?.bytes === undefined ? 0 : toNumber(row.bytes);
    },

    async attachments(ticketId) {
      const rows = await db.selectFrom("attachments").selectAll()
        .where("ticket_id", "=", ticketId)
        .orderBy(snowflakeOrder("message_id")).orderBy("message_id")
        .orderBy(snowflakeOrder("attachment_id")).orderBy("attachment_id")
        .execute();
      return (await openAttachmentRows(scope, rows)).map(toStoredAttachment);
    },
  };
}
