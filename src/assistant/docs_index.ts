/**
 * The operator's Markdown documents, split into passages and indexed with SQLite
 * FTS5 (in memory). The folder is read at start and read again before a search
 * whenever a file was added, removed or changed (by name, size and mtime).
 *
 * Score: the share of the question's keywords (see `keywords.ts`) that a passage
 * holds in its text, heading or title, from 0 to 1; ties are broken by FTS5's
 * bm25 rank. A passage "matches well" at `MIN_SCORE` (0.5) or more.
 */
import { DatabaseSync } from "node:sqlite";
import { join, relative } from "node:path";
import type { Logger } from "@logtape/logtape";
import { keywordsOf, stemsOf } from "./keywords.ts";
import { type Passage, splitPassages } from "./passages.ts";

/** The least score at which a passage is taken as an answer on its own. */
export const MIN_SCORE = 0.5;

/** A passage found for a question, with its score from 0 to 1. */
export interface Hit extends Passage {
  score: number;
}

/** Searchable documents. */
export interface DocsIndex {
  /** The best passages for `question`, best first, only those with a score above 0. */
  search(question: string, limit?: number): Promise<Hit[]>;
  /** How many passages are indexed now. */
  size(): number;
  close(): void;
}

interface FileStamp {
  path: string;
  size: number;
  mtime: number;
}

async function listMarkdown(folder: string): Promise<FileStamp[]> {
  const files: FileStamp[] = [];
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile && /\.(md|markdown)$/i.test(entry.name)) {
        const info = await Deno.stat(path);
        files.push({ path, size: info.size, mtime: info.mtime?.getTime() ?? 0 });
      }
    }
  };
  await walk(folder);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Indexes the Markdown files under `folder` (throws when it cannot be read) and
 * keeps the index current; `log` hears of re-indexing and of a folder gone unreadable.
 */
export async function openDocsIndex(folder: string, log: Logger): Promise<DocsIndex> {
  const db = new DatabaseSync(":memory:");
  db.exec(
    "CREATE VIRTUAL TABLE passages USING fts5(file UNINDEXED, title, heading, text, tokenize = 'porter unicode61')",
  );
  let stamp = "";
  let count = 0;

  async function reindex(): Promise<void> {
    const files = await listMarkdown(folder);
    const next = JSON.stringify(files);
    if (next === stamp) return;
    const passages: Passage[] = [];
    for (const file of files) {
      const name = relative(folder, file.path).replaceAll("\\", "/");
      passages.push(...splitPassages(name, await Deno.readTextFile(file.path)));
    }
    const insert = db.prepare(
      "INSERT INTO passages (file, title, heading, text) VALUES (?, ?, ?, ?)",
    );
    db.exec("BEGIN");
    try {
      db.exec("DELETE FROM passages");
      for (const p of passages) insert.run(p.file, p.title, p.heading, p.text);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
    const first = stamp === "";
    stamp = next;
    count = passages.length;
    log.info(
      first
        ? "Indexed {passages} passages from {files} documents in {folder}"
        : "Documents changed: re-indexed {passages} passages from {files} documents",
      { passages: count, files: files.length, folder },
    );
  }

  await reindex();
  const select = db.prepare(
    "SELECT file, title, heading, text, bm25(passages, 0.0, 2.0, 4.0, 1.0) AS rank FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 20",
  );

  return {
    async search(question, limit = 3) {
      try {
        await reindex();
      } catch (error) {
        log.warning(
          "Cannot read the documents in {folder} again; searching the last index: {error}",
          {
            folder,
            error: error instanceof Error ? error.message : String(error),
          },
        );
      }
      const words = keywordsOf(question);
      if (words.length === 0) return [];
      const wanted = [...stemsOf(question)];
      const query = words.map((w) => `"${w}"`).join(" OR ");
      const rows = select.all(query) as unknown as Array<Passage & { rank: number }>;
      const hits = rows.map((row, order) => {
        const have = stemsOf(`${row.title} ${row.heading} ${row.text}`);
        const score = wanted.filter((w) => have.has(w)).length / wanted.length;
        return {
          hit: { file: row.file, title: row.title, heading: row.heading, text: row.text, score },
          order,
        };
      });
      return hits
        .filter((h) => h.hit.score > 0)
        .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
        .slice(0, limit)
        .map((h) => h.hit);
    },
    size: () => count,
    close: () => db.close(),
  };
}
