/**
 * Re-seals every sealed column (staff notes, saved answers and feedback comments
 * included) under the current key, in batches (bounded memory), while the bot
 * runs. Each value names its key, so a rekey that stops halfway simply runs
 * again: rows already under the current key are skipped.
 * Plain values (encryption newly on) are sealed the same way. Each write is
 * guarded by the value it replaces, so an edit that lands meanwhile wins.
 */
import type { DatabaseHandle } from "../connect.ts";
import { toBytes, toDriverBytes } from "../row_mapping.ts";
import { indexMessage } from "../stores/message_index.ts";
import type { StoreScope } from "../stores/scope.ts";
import { bytesKeyId, type FieldCipher, textKeyId } from "./field_cipher.ts";
import { recordKeyCheck } from "./key_check.ts";

/** Options for `rekey`. */
export interface RekeyOptions {
  /** Rows per batch (default 100; transcripts and attachments use a tenth). */
  batchSize?: number;
  /** Stops (unfinished) after this many batches: for tests of a resumed rekey. */
  maxBatches?: number;
  /** Told after each batch. */
  onBatch?: (table: string, rows: number) => void;
}

/** What a rekey did. */
export interface RekeyResult {
  /** Values sealed again. */
  resealed: number;
  /** False when `maxBatches` stopped it early. */
  finished: boolean;
}

class Stop extends Error {}

/** Re-seals everything in `handle` under `cipher`'s current key. */
export async function rekey(
  handle: DatabaseHandle,
  cipher: FieldCipher,
  options: RekeyOptions = {},
): Promise<RekeyResult> {
  if (cipher.keyId === null) {
    throw new TypeError("Cannot rekey: ENCRYPTION_KEY is not set");
  }
  const current = cipher.keyId;
  const size = options.batchSize ?? 100;
  const small = Math.max(1, Math.floor(size / 10));
  const scope: StoreScope = { db: handle.db, kind: handle.kind, now: () => Date.now(), cipher };
  const { db } = handle;
  let batches = 0;
  let resealed = 0;
  const batchDone = (table: string, rows: number) => {
    options.onBatch?.(table, rows);
    if (options.maxBatches !== undefined && ++batches >= options.maxBatches) throw new Stop();
  };
  const stale = (value: string) => textKeyId(value) !== current;

  try {
    // Archived messages, and their search words under the new key.
    let after = "";
    for (;;) {
      const rows = await db.selectFrom("archived_messages")
        .select(["message_id", "ticket_id", "payload", "deleted_at"])
        .where("message_id", ">", after).orderBy("message_id").limit(size).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (!stale(row.payload)) continue;
        const plain = await cipher.openText(row.payload);
        const sealed = await cipher.sealText(plain);
        const done = await db.updateTable("archived_messages").set({ payload: sealed })
          .where("message_id", "=", row.message_id).where("payload", "=", row.payload)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) continue;
        resealed++;
        if (row.deleted_at === null) {
          await indexMessage(scope, {
            messageId: row.message_id,
            ticketId: row.ticket_id,
            payload: plain,
          });
        }
      }
      after = rows[rows.length - 1]!.message_id;
      batchDone("archived_messages", rows.length);
    }

    // Ticket topics and answers.
    let afterId = 0;
    for (;;) {
      const rows = await db.selectFrom("tickets").select(["id", "topic", "answers"])
        .where("id", ">", afterId).orderBy("id").limit(size).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const topicStale = row.topic !== null && stale(row.topic);
        if (!topicStale && !stale(row.answers)) continue;
        const topic = row.topic === null
          ? null
          : topicStale
          ? await cipher.sealText(await cipher.openText(row.topic))
          : row.topic;
        const answers = stale(row.answers)
          ? await cipher.sealText(await cipher.openText(row.answers))
          : row.answers;
        let update = db.updateTable("tickets").set({ topic, answers })
          .where("id", "=", row.id).where("answers", "=", row.answers);
        update = row.topic === null
          ? update.where("topic", "is", null)
          : update.where("topic", "=", row.topic);
        const done = await update.executeTakeFirst();
        resealed += Number(done.numUpdatedRows);
      }
      afterId = rows[rows.length - 1]!.id;
      batchDone("tickets", rows.length);
    }

    // Feedback comments (the opener's words after a close).
    let afterFeedback = 0;
    for (;;) {
      const rows = await db.selectFrom("ticket_feedback").select(["ticket_id", "comment"])
        .where("ticket_id", ">", afterFeedback).where("comment", "is not", null)
        .orderBy("ticket_id").limit(size).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.comment === null || !stale(row.comment)) continue;
        const sealed = await cipher.sealText(await cipher.openText(row.comment));
        const done = await db.updateTable("ticket_feedback").set({ comment: sealed })
          .where("ticket_id", "=", row.ticket_id).where("comment", "=", row.comment)
          .executeTakeFirst();
        resealed += Number(done.numUpdatedRows);
      }
      afterFeedback = Number(rows[rows.length - 1]!.ticket_id);
      batchDone("ticket_feedback", rows.length);
    }

    // Saved answers, one key at a time: (guild, name).
    let tag: { g: string; n: string } | null = null;
    for (;;) {
      let query = db.selectFrom("tags").select(["guild_id", "name_key", "content"]);
      if (tag !== null) {
        const k: { g: string; n: string } = tag;
        query = query.where((eb) =>
          eb.or([
            eb("guild_id", ">", k.g),
            eb.and([eb("guild_id", "=", k.g), eb("name_key", ">", k.n)]),
          ])
        );
      }
      const rows = await query.orderBy("guild_id").orderBy("name_key").limit(size).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (!stale(row.content)) continue;
        const sealed = await cipher.sealText(await cipher.openText(row.content));
        const done = await db.updateTable("tags").set({ content: sealed })
          .where("guild_id", "=", row.guild_id).where("name_key", "=", row.name_key)
          .where("content", "=", row.content).executeTakeFirst();
        resealed += Number(done.numUpdatedRows);
      }
      const last = rows[rows.length - 1]!;
      tag = { g: last.guild_id, n: last.name_key };
      batchDone("tags", rows.length);
    }

    // Transcripts (written once per close), one key at a time: (ticket, sequence).
    let transcriptKey: { t: number; n: number } | null = null;
    for (;;) {
      let query = db.selectFrom("transcripts").select(["ticket_id", "sequence", "html", "text"]);
      if (transcriptKey !== null) {
        const k: { t: number; n: number } = transcriptKey;
        query = query.where((eb) =>
          eb.or([
            eb("ticket_id", ">", k.t),
            eb.and([eb("ticket_id", "=", k.t), eb("sequence", ">", k.n)]),
          ])
        );
      }
      const rows = await query.orderBy("ticket_id").orderBy("sequence").limit(small).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const html = toBytes(row.html);
        const text = toBytes(row.text);
        if (bytesKeyId(html) === current && bytesKeyId(text) === current) continue;
        await db.updateTable("transcripts").set({
          html: toDriverBytes(await cipher.sealBytes(await cipher.openBytes(html))),
          text: toDriverBytes(await cipher.sealBytes(await cipher.openBytes(text))),
        }).where("ticket_id", "=", row.ticket_id).where("sequence", "=", row.sequence).execute();
        resealed++;
      }
      const last = rows[rows.length - 1]!;
      transcriptKey = { t: last.ticket_id, n: last.sequence };
      batchDone("transcripts", rows.length);
    }

    // Staff notes, one key at a time: (ticket, note).
    let note: { t: number; n: string } | null = null;
    for (;;) {
      let query = db.selectFrom("ticket_notes").select(["ticket_id", "note_id", "payload"]);
      if (note !== null) {
        const k: { t: number; n: string } = note;
        query = query.where((eb) =>
          eb.or([
            eb("ticket_id", ">", k.t),
            eb.and([eb("ticket_id", "=", k.t), eb("note_id", ">", k.n)]),
          ])
        );
      }
      const rows = await query.orderBy("ticket_id").orderBy("note_id").limit(size).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (!stale(row.payload)) continue;
        const sealed = await cipher.sealText(await cipher.openText(row.payload));
        const done = await db.updateTable("ticket_notes").set({ payload: sealed })
          .where("ticket_id", "=", row.ticket_id).where("note_id", "=", row.note_id)
          .where("payload", "=", row.payload).executeTakeFirst();
        resealed += Number(done.numUpdatedRows);
      }
      const last = rows[rows.length - 1]!;
      note = { t: last.ticket_id, n: last.note_id };
      batchDone("ticket_notes", rows.length);
    }

    // Attachment copies, one key at a time: (ticket, message, attachment).
    let key: { t: number; m: string; a: string } | null = null;
    for (;;) {
      let query = db.selectFrom("attachments")
        .select(["ticket_id", "message_id", "attachment_id", "data"]);
      if (key !== null) {
        const k: { t: number; m: string; a: string } = key;
        query = query.where((eb) =>
          eb.or([
            eb("ticket_id", ">", k.t),
            eb.and([eb("ticket_id", "=", k.t), eb("message_id", ">", k.m)]),
            eb.and([
              eb("ticket_id", "=", k.t),
              eb("message_id", "=", k.m),
              eb("attachment_id", ">", k.a),
            ]),
          ])
        );
      }
      const rows = await query.orderBy("ticket_id").orderBy("message_id")
        .orderBy("attachment_id").limit(small).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const data = toBytes(row.data);
        if (bytesKeyId(data) === current) continue;
        await db.updateTable("attachments").set({
          data: toDriverBytes(await cipher.sealBytes(await cipher.openBytes(data))),
        }).where("ticket_id", "=", row.ticket_id).where("message_id", "=", row.message_id)
          .where("attachment_id", "=", row.attachment_id).execute();
        resealed++;
      }
      const last = rows[rows.length - 1]!;
      key = { t: last.ticket_id, m: last.message_id, a: last.attachment_id };
      batchDone("attachments", rows.length);
    }
  } catch (error) {
    if (error instanceof Stop) return { resealed, finished: false };
    throw error;
  }
  await recordKeyCheck(handle, cipher);
  return { resealed, finished: true };
}
