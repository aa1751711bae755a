/**
 * The recent conversation of each ticket, kept by the assistant in its own SQLite
 * file (`ASSISTANT_DATABASE`) through `node:sqlite`: the member's messages and the
 * assistant's answers, at most `maxTurns` per ticket (older ones are deleted).
 * A message relayed again (the bot retries) is stored once.
 */
import { DatabaseSync } from "node:sqlite";
import { dirname } from "node:path";

/** One turn of a conversation, as Chat Completions names its roles. */
export interface Turn {
  role: "user" | "assistant";
  content: string;
}

/** Conversations per ticket. */
export interface ConversationStore {
  /** Adds a turn; false when this message was stored already. */
  add(ticket: string, turn: Turn & { messageId: string }): boolean;
  /** The ticket's kept turns, oldest first. */
  recent(ticket: string): Turn[];
  close(): void;
}

/** Default number of turns kept per ticket. */
export const MAX_TURNS = 20;

/** Opens (creating when needed) the store at `path`, or in memory for `:memory:`. */
export function openConversationStore(
  path: string,
  options: { maxTurns?: number } = {},
): ConversationStore {
  const maxTurns = options.maxTurns ?? MAX_TURNS;
  if (path !== ":memory:") Deno.mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA busy_timeout = 5000");
  db.exec(`CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY,
    ticket TEXT NOT NULL,
    message_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (ticket, message_id, role)
  )`);
  const insert = db.prepare(
    "INSERT OR IGNORE INTO turns (ticket, message_id, role, content, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const trim = db.prepare(
    "DELETE FROM turns WHERE ticket = ? AND id NOT IN (SELECT id FROM turns WHERE ticket = ? ORDER BY id DESC LIMIT ?)",
  );
  const select = db.prepare(
    "SELECT role, content FROM (SELECT id, role, content FROM turns WHERE ticket = ? ORDER BY id DESC LIMIT ?) ORDER BY id",
  );
  return {
    add(ticket, turn) {
      const { changes } = insert.run(ticket, turn.messageId, turn.role, turn.content, Date.now());
      if (changes === 0) return false;
      trim.run(ticket, ticket, maxTurns);
      return true;
    },
    recent(ticket) {
      const rows = select.all(ticket, maxTurns) as unknown as Turn[];
      return rows.map(({ role, content }) => ({ role, content }));
    },
    close: () => db.close(),
  };
}
