/**
 * Erasing a member from a guild's tickets: their message content, names,
 * attachments, answers and feedback comments become "[removed]", their attachment
 * copies and search words go, and stored transcripts are rendered again from
 * the archive. Counts and times stay; an audit row records who erased whom.
 */
import type { GuildId, UserId } from "../../core/ids.ts";
import type { TicketId } from "../../core/model.ts";
import { redactPayload, REMOVED } from "../../core/privacy/redact_payload.ts";
import { sealTicketText } from "../encryption/sealed_rows.ts";
import { archiveStore } from "./archive.ts";
import { auditLog } from "./audit.ts";
import { unindexMessage } from "./message_index.ts";
import { cipherOf, type StoreScope } from "./scope.ts";
import { ticketStore } from "./tickets.ts";
import { transcriptStore } from "./transcripts.ts";
import { settingsStore } from "./settings.ts";
import { typeStore } from "./types.ts";
import { guildLanguage } from "../../core/language.ts";

function normalised(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload));
  } catch {
    return payload;
  }
}

/** What an erasure changed. */
export interface ErasureResult {
  tickets: number;
  messages: number;
  transcripts: number;
}

/** Erases `userId`'s words from `guildId`'s tickets; `actorId` is who asked (null: the CLI). */
export async function eraseMember(
  scope: StoreScope,
  guildId: GuildId,
  options: { userId: UserId; actorId: UserId | null },
): Promise<ErasureResult> {
  const { db } = scope;
  const { userId } = options;
  const cipher = cipherOf(scope);
  const ticketRows = await db.selectFrom("tickets").select(["id", "opener_id", "topic", "answers"])
    .where("guild_id", "=", guildId).orderBy("id").execute();
  const tickets = ticketStore(scope);
  const archive = archiveStore(scope);
  const transcripts = transcriptStore(scope);
  let messageCount = 0;
  let touchedTickets = 0;
  let transcriptCount = 0;
  // Transcripts rendered again speak the guild's language, as the close wrote them.
  const locale = guildLanguage(await settingsStore(scope).guild(guildId));
  const types = typeStore(scope);
  // One ticket at a time, so memory stays bounded by the largest ticket.
  for (const row of ticketRows) {
    const ticketId = row.id as TicketId;
    let touched = false;
    if (row.opener_id === userId) {
      const answers = JSON.parse(await cipher.openText(row.answers)) as Array<
        { question: string; answer: string }
      >;
      const sealed = await sealTicketText(scope, {
        topic: row.topic === null ? null : REMOVED,
        answers: JSON.stringify(answers.map((a) => ({ question: a.question, answer: REMOVED }))),
      });
      await db.updateTable("tickets").set(sealed).where("id", "=", ticketId).execute();
      // Their feedback comment is their words too; the rating stays, as counts do.
      await db.updateTable("ticket_feedback").set({ comment: await cipher.sealText(REMOVED) })
        .where("ticket_id", "=", ticketId).where("comment", "is not", null).execute();
      touched = true;
    }
    const messages = await archive.messages(ticketId);
    for (const message of messages) {
      const redacted = redactPayload(message.payload, userId);
      if (redacted === normalised(message.payload)) continue;
      const mine = message.authorId === userId;
      await db.updateTable("archived_messages")
        .set({ payload: await cipher.sealText(redacted) })
        .where("message_id", "=", message.messageId).execute();
      if (mine) {
        messageCount++;
        await unindexMessage(scope, message.messageId);
        await db.deleteFrom("attachments").where("ticket_id", "=", ticketId)
          .where("message_id", "=", message.messageId).execute();
      }
      touched = true;
    }
    if (!touched) continue;
    touchedTickets++;
    const ticket = await tickets.get(ticketId);
    if (ticket === null) continue;
    const kept = await transcripts.list(ticketId);
    const archived = kept.length === 0 ? [] : await archive.messages(ticketId);
    const typeName = (await types.get(ticket.typeId))?.name ?? "Ticket";
    // The renderers are loaded by the first erasure that touches a transcript.
    const { rerenderTranscript } = await import("../../core/privacy/rerender_transcript.ts");
    // Each transcript of a reopened ticket, as far as its own close reached.
    for (const stored of kept) {
      const rendered = rerenderTranscript(ticket, archived, {
        typeName,
        locale,
        sequence: stored.sequence,
        ...(stored === kept.at(-1) ? {} : { until: stored.createdAt }),
      });
      await transcripts.save({
        ticketId,
        sequence: stored.sequence,
        html: rendered.html,
        text: rendered.text,
        messageCount: stored.messageCount,
        byteSize: new TextEncoder().encode(rendered.html).byteLength,
      });
      transcriptCount++;
    }
  }
  const result = { tickets: touchedTickets, messages: messageCount, transcripts: transcriptCount };
  await auditLog(scope).record({
    guildId,
    ticketId: null,
    actorId: options.actorId,
    action: "privacy.erase",
    detail: { user_id: userId, ...result },
  });
  return result;
}
