/**
 * Keeps the full-text index (`message_search`) in step with the archive: the
 * archive store calls these when a message is archived, edited or deleted.
 */
import { sql } from "kysely";
import { cipherOf, type StoreScope } from "./scope.ts";

/** The searchable text of a message's JSON payload (its content; empty when unreadable). */
export function searchableText(payload: string): string {
  try {
    const raw = JSON.parse(payload) as { content?: unknown };
    return typeof raw.content === "string" ? raw.content : "";
  } catch {
    return "";
  }
}

/** Re-indexes one archived message: its index row, if any, is replaced. */
export async function indexMessage(
  scope: StoreScope,
  message: { messageId: string; ticketId: number; payload: string },
): Promise<void> {
  const content = await indexedContent(scope, message.payload);
  // FTS5 tables have no unique key to upsert on: replace the row instead. Its
  // message_id is not indexed, so that delete reads the whole index (a new
  // message skips it: `ArchiveStore.add`).
  await scope.db.deleteFrom("message_search").where("message_id", "=", message.messageId)
    .execute();
  await indexRowInsert(scope, message.messageId, message.ticketId, content).execute();
}

/**
 * The insert of one index row. On PostgreSQL and MySQL it replaces the row of
 * the same message; SQLite's FTS5 table has no key for that (see `indexMessage`).
 */
export function indexRowInsert(
  scope: Pick<StoreScope, "db" | "kind">,
  messageId: string,
  ticketId: number,
  content: string,
) {
  const row = { message_id: messageId, ticket_id: ticketId, content };
  const insert = scope.db.insertInto("message_search").values(row);
  if (scope.kind === "sqlite") return insert;
  if (scope.kind === "postgres") {
    return insert.onConflict((oc) => oc.column("message_id").doUpdateSet({ content }));
  }
  return insert.onDuplicateKeyUpdate({ content: sql`values(content)` });
}

/** The searchable text of `payload` as the index stores it (sealed when encryption is on). */
export function indexedContent(scope: StoreScope, payload: string): Promise<string> {
  return indexedText(scope, searchableText(payload));
}

/** Re-indexes an edited message, if it is archived. */
export async function reindexEdited(
  scope: StoreScope,
  messageId: string,
  payload: string,
): Promise<void> {
  const row = await scope.db.selectFrom("archived_messages").select(["ticket_id", "deleted_at"])
    .where("message_id", "=", messageId).executeTakeFirst();
  if (row === undefined || row.deleted_at !== null) return;
  await indexMessage(scope, { messageId, ticketId: row.ticket_id, payload });
}

/** Removes a deleted message from the index. */
export async function unindexMessage(scope: StoreScope, messageId: string): Promise<void> {
  await scope.db.deleteFrom("message_search").where("message_id", "=", messageId).execute();
}

/** A word as the hashed index keeps it: lower case, accents dropped (as FTS5's unicode61 does). */
export function normaliseWord(word: string): string {
  return word.toLowerCase().normalize("NFKD").replace(/\p{M}+/gu, "");
}

/**
 * What the index stores for `text`: the text itself, or under encryption its
 * distinct words as keyed hashes (so the index holds no readable content).
 */
export async function indexedText(scope: StoreScope, text: string): Promise<string> {
  const cipher = cipherOf(scope);
  if (cipher.keyId === null) return text;
  const words = new Set(normaliseWord(text).match(/[\p{L}\p{N}]+/gu) ?? []);
  const tokens: string[] = [];
  for (const word of words) tokens.push((await cipher.wordTokens(word))[0]!);
  return tokens.join(" ");
}

/**
 * The alternatives each search word matches in the index: the word itself, or
 * under encryption its hash under each configured key (current and previous,
 * so search keeps working while `ticketeer rekey` runs).
 */
export async function searchTerms(scope: StoreScope, text: string): Promise<string[][]> {
  const words = searchWords(text);
  const cipher = cipherOf(scope);
  if (cipher.keyId === null) return words.map((word) => [word]);
  return await Promise.all(words.map((word) => cipher.wordTokens(normaliseWord(word))));
}

/**
 * The words of a search, as the index tokenises them: letters and digits only,
 * at most 8, so that no query syntax of any engine reaches it.
 */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}
