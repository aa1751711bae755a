/**
 * Full-text search over archived messages on SQLite (FTS5): `messages` messages
 * in tickets of one guild (100 per ticket), written in one transaction, then
 * each query of the web pages' guild list (`TicketBrowser.inGuild` with `text`)
 * timed `rounds` times after a warm-up. A figure, not a pass/fail test.
 * `deno task bench` runs it in a child process with the shipped bot's runtime
 * flags (`shipped_child.ts`), as the bot would run the same queries.
 */
import { join } from "node:path";
import { guildId, userId } from "../../src/core/ids.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createStores } from "../../src/db/stores/create_stores.ts";
import { createWebStores } from "../../src/db/stores/web_stores.ts";
import { percentile } from "./stats.ts";
import { measuredInChild, reportToParent } from "./shipped_child.ts";

/** What one search run measures. */
export interface SearchResult {
  messages: number;
  /** Per query: its text, how many tickets the first page held, p50 and max in ms. */
  queries: Array<{ text: string; found: number; p50: number; max: number }>;
  /** How long writing (and indexing) every message took, in ms. */
  loadMs: number;
}

const MESSAGES_PER_TICKET = 100;
const BATCH = 500;

/** A word list with a few common words and many rare ones, deterministic. */
function words(): string[] {
  const syllables = ["ka", "lo", "mi", "ne", "tu", "ra", "so", "vi", "pe", "du", "fa", "go"];
  const list: string[] = [];
  for (const a of syllables) {
    for (const b of syllables) for (const c of syllables) list.push(a + b + c);
  }
  return list;
}

/** Runs the search benchmark on a temporary SQLite file. */
export async function measureSearch(
  options: { messages: number; rounds?: number },
): Promise<SearchResult> {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer_search_bench_" });
  const handle = await openDatabase({ kind: "sqlite", path: join(dir, "bench.db") });
  try {
    await migrateToLatest(handle);
    const stores = createStores(handle);
    const guild = guildId("100000000000000001");
    const type = await stores.types.defaultFor(guild);
    const vocabulary = words();
    const tickets = Math.max(1, Math.ceil(options.messages / MESSAGES_PER_TICKET));
    const ticketIds: number[] = [];
    for (let i = 0; i < tickets; i++) {
      const opened = await stores.tickets.open({
        guildId: guild,
        typeId: type.id,
        openerId: userId(String(200000000000000000n + BigInt(i))),
        topic: null,
        answers: [],
      });
      if (opened.kind === "opened") ticketIds.push(opened.ticket.id);
    }
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Zipf-like: low indexes are common words, high ones rare.
    const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
    const started = performance.now();
    await handle.db.transaction().execute(async (trx) => {
      for (let start = 0; start < options.messages; start += BATCH) {
        const archived = [];
        const indexed = [];
        for (let n = start; n < Math.min(start + BATCH, options.messages); n++) {
          const id = String(300000000000000000n + BigInt(n));
          const ticketId = ticketIds[Math.floor(n / MESSAGES_PER_TICKET) % ticketIds.length]!;
          const content = Array.from({ length: 12 }, word).join(" ");
          archived.push({
            message_id: id,
            ticket_id: ticketId,
            author_id: "200000000000000000",
            payload: JSON.stringify({ id, content }),
            created_at: n,
            edited_at: null,
            deleted_at: null,
          });
          indexed.push({ message_id: id, ticket_id: ticketId, content });
        }
        await trx.insertInto("archived_messages").values(archived).execute();
        await trx.insertInto("message_search").values(indexed).execute();
      }
    });
    const loadMs = performance.now() - started;

    const browser = createWebStores(handle).browser;
    const texts = [
      vocabulary[0]!,
      vocabulary[vocabulary.length - 1]!,
      `${vocabulary[3]} ${vocabulary[40]}`,
      "nosuchword",
    ];
    const queries = [];
    for (const text of texts) {
      const page = { offset: 0, limit: 26 };
      await browser.inGuild(guild, { text }, page);
      const times: number[] = [];
      let found = 0;
      for (let round = 0; round < (options.rounds ?? 20); round++) {
        const t0 = performance.now();
        found = (await browser.inGuild(guild, { text }, page)).length;
        times.push(performance.now() - t0);
      }
      queries.push({ text, found, p50: percentile(times, 50), max: Math.max(...times) });
    }
    return { messages: options.messages, queries, loadMs };
  } finally {
    await handle.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** The search figures as lines of text, with the target. */
export function formatSearch(result: SearchResult): string[] {
  return [
    `full-text search over ${result.messages.toLocaleString("en-US")} archived messages ` +
    `(SQLite FTS5; written and indexed in ${
      (result.loadMs / 1000).toFixed(1)
    } s; target p50 < ${SEARCH_TARGET_MS} ms)`,
    ...result.queries.map((q) =>
      `  "${q.text}": p50 ${q.p50.toFixed(1)} ms, max ${
        q.max.toFixed(1)
      } ms, ${q.found} tickets on the first page`
    ),
  ];
}

/** The figure searches are held to (reported, not asserted). */
export const SEARCH_TARGET_MS = 200;

/** `measureSearch` in a child process with the shipped bot's runtime flags. */
export function measureSearchAsShipped(options: { messages: number }): Promise<SearchResult> {
  return measuredInChild(import.meta.url, [String(options.messages)], { what: "search bench" });
}

if (import.meta.main) reportToParent(await measureSearch({ messages: Number(Deno.args[0]) }));
