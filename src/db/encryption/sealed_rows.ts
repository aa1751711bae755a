/**
 * Where the stores meet the cipher: the sealed columns of a row opened after a
 * read, and sealed before a write (ticket topics and answers, archived message
 * payloads, transcripts and attachment bytes).
 */
import type { ArchivedMessageRow, AttachmentRow, TicketRow } from "../schema.ts";
import { cipherOf, type StoreScope } from "../stores/scope.ts";

/** A ticket row with its topic and answers opened. */
export async function openTicketRow(scope: StoreScope, row: TicketRow): Promise<TicketRow> {
  const cipher = cipherOf(scope);
  return {
    ...row,
    topic: row.topic === null ? null : await cipher.openText(row.topic),
    answers: await cipher.openText(row.answers),
  };
}

/** Ticket rows with their topics and answers opened. */
export function openTicketRows(scope: StoreScope, rows: TicketRow[]): Promise<TicketRow[]> {
  return Promise.all(rows.map((row) => openTicketRow(scope, row)));
}

/** A ticket's topic and answers JSON, sealed for storing. */
export async function sealTicketText(
  scope: StoreScope,
  fields: { topic: string | null; answers: string },
): Promise<{ topic: string | null; answers: string }> {
  const cipher = cipherOf(scope);
  return {
    topic: fields.topic === null ? null : await cipher.sealText(fields.topic),
    answers: await cipher.sealText(fields.answers),
  };
}

/** Archived message rows with their payloads opened. */
export function openArchivedRows(
  scope: StoreScope,
  rows: ArchivedMessageRow[],
): Promise<ArchivedMessageRow[]> {
  const cipher = cipherOf(scope);
  return Promise.all(rows.map(async (row) => ({
    ...row,
    payload: await cipher.openText(row.payload),
  })));
}

/** Attachment rows with their bytes opened. */
export function openAttachmentRows(
  scope: StoreScope,
  rows: AttachmentRow[],
): Promise<AttachmentRow[]> {
  const cipher = cipherOf(scope);
  return Promise.all(rows.map(async (row) => ({
    ...row,
    data: await cipher.openBytes(new Uint8Array(row.data)),
  })));
}

/** Seals one text value (a payload) for storing. */
export function sealText(scope: StoreScope, plain: string): Promise<string> {
  return cipherOf(scope).sealText(plain);
}

/** Seals bytes (a transcript, an attachment) for storing. */
export function sealBytes(scope: StoreScope, plain: Uint8Array): Promise<Uint8Array> {
  return cipherOf(scope).sealBytes(plain);
}

/** Opens stored bytes. */
export function openBytes(scope: StoreScope, stored: Uint8Array): Promise<Uint8Array> {
  return cipherOf(scope).openBytes(stored);
}
