/**
 * Encryption at rest through the real stores: no message text, answer, topic,
 * feedback comment, saved answer, transcript or attachment byte is readable in the database (the SQLite file,
 * every text and bytes column of PostgreSQL), search still finds words, and a
 * rekey that stops halfway runs again to the end.
 */
import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { GuildId, MessageId, UserId } from "../src/core/ids.ts";
import type { TicketId } from "../src/core/model.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/connect.ts";
import { createCipher, type FieldCipher } from "../src/db/encryption/field_cipher.ts";
import { rekey } from "../src/db/encryption/rekey.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { createStores } from "../src/db/stores/create_stores.ts";
import { createWebStores } from "../src/db/stores/web_stores.ts";
import { DIALECTS, type TestDialect } from "./fixtures/dialects.ts";

const KEY_A = new Uint8Array(32).fill(7);
const KEY_B = new Uint8Array(32).fill(9);
const SECRETS = [
  "zebrawordinmessage",
  "confidentialanswerword",
  "privatetopicword",
  "transcripthtmlword",
  "transcripttextword",
  "attachmentbytesword",
  "feedbackcommentword",
  "staffnoteword",
  "savedanswerword",
];
const GUILD = "100000000000000001" as GuildId;

/** Writes a ticket, messages, a transcript and an attachment through the stores. */
async function writeTicket(handle: DatabaseHandle, cipher: FieldCipher): Promise<TicketId> {
  const stores = createStores(handle, { cipher });
  const type = await stores.types.defaultFor(GUILD);
  const opened = await stores.tickets.open({
    guildId: GUILD,
    typeId: type.id,
    openerId: "200000000000000001" as UserId,
    topic: "a privatetopicword here",
    answers: [{ question: "What happened?", answer: "confidentialanswerword" }],
  });
  if (opened.kind !== "opened") throw new Error("Cannot open the test ticket");
  const ticketId = opened.ticket.id;
  for (let i = 0; i < 5; i++) {
    await stores.archive.add({
      ticketId,
      messageId: `30000000000000000${i}` as MessageId,
      authorId: "200000000000000001" as UserId,
      payload: JSON.stringify({
        id: `30000000000000000${i}`,
        content: `Café zebrawordinmessage ${i}`,
      }),
      createdAt: new Date(1_700_000_000_000 + i),
    });
  }
  await stores.transcripts.save({
    ticketId,
    html: "<p>transcripthtmlword</p>",
    text: "transcripttextword",
    messageCount: 5,
    byteSize: 30,
  });
  await stores.transcripts.saveAttachment({
    ticketId,
    messageId: "300000000000000000" as MessageId,
    attachmentId: "400000000000000000",
    filename: "notes.txt",
    contentType: "text/plain",
    size: 19,
    data: new TextEncoder().encode("attachmentbytesword"),
  });
  await stores.feedback.ask(ticketId, GUILD, null, new Date(1_700_000_000_100));
  await stores.feedback.rate(ticketId, 5, new Date(1_700_000_000_200));
  await stores.feedback.comment(ticketId, "a feedbackcommentword here");
  await stores.tags.create({
    guildId: GUILD,
    name: `tag-${ticketId}`,
    content: "a savedanswerword for {opener}",
    createdBy: "200000000000000009" as UserId,
  });
  await stores.notes.add({
    ticketId,
    noteId: "500000000000000000",
    authorId: "200000000000000009" as UserId,
    payload: JSON.stringify({ content: "a staffnoteword kept" }),
    createdAt: new Date(),
  });
  return ticketId;
}

/** Every text and bytes value of every table, as one string (a `pg_dump` of the content). */
async function everyValue(db: Kysely<Database>): Promise<string> {
  const tables = [
    "tickets",
    "archived_messages",
    "transcripts",
    "attachments",
    "message_search",
    "ticket_feedback",
    "tags",
  ];
  let all = "";
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    for (const row of rows.rows) {
      for (const value of Object.values(row)) {
        all += value instanceof Uint8Array
          ? new TextDecoder().decode(value) + "\n" + await gunzipText(value)
          : String(value);
        all += "\n";
      }
    }
  }
  return all;
}

async function gunzipText(bytes: Uint8Array): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return "";
  const stream = new Blob([new Uint8Array(bytes)]).stream()
    .pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream).text();
}

async function openMigrated(dialect: TestDialect) {
  const isolated = await dialect.isolate();
  const handle = await openDatabase(isolated.target, isolated.options);
  await migrateToLatest(handle);
  return { handle, isolated };
}

for (const dialect of DIALECTS) {
  Deno.test({
    name: `[${dialect.name}] encrypted stores keep no content readable in the database`,
    ignore: dialect.skip !== null,
    async fn() {
      const cipher = await createCipher(KEY_A);
      const { handle, isolated } = await openMigrated(dialect);
      try {
        const ticketId = await writeTicket(handle, cipher);
        const dump = await everyValue(handle.db);
        for (const secret of SECRETS) assert(!dump.includes(secret), `${secret} is stored plain`);

        const stores = createStores(handle, { cipher });
        const ticket = await stores.tickets.get(ticketId);
        assert.deepEqual(ticket?.answers[0]?.answer, "confidentialanswerword");
        assert.deepEqual(ticket?.topic, "a privatetopicword here");
        assert.deepEqual((await stores.transcripts.get(ticketId))?.text, "transcripttextword");
        assert.match((await stores.notes.list(ticketId))[0]?.payload ?? "", /staffnoteword/);
        assert.deepEqual(
          new TextDecoder().decode((await stores.transcripts.attachments(ticketId))[0]?.data),
          "attachmentbytesword",
        );
        const browser = createWebStores(handle, { cipher }).browser;
        const found = await browser.inGuild(GUILD, { text: "ZEBRAWORDINMESSAGE cafe" }, {
          offset: 0,
          limit: 10,
        });
        assert.deepEqual(found.map((t) => t.id), [ticketId]);
        const missed = await browser.inGuild(GUILD, { text: "zebra" }, { offset: 0, limit: 10 });
        assert.deepEqual(missed, []);
      } finally {
        await handle.close();
        if (dialect.name === "sqlite" && isolated.target.kind === "sqlite") {
          // The file as it rests on disk (and its journal, if any is left).
          const dir = isolated.target.path.replace(/[^/]+$/, "");
          let raw = "";
          for await (const entry of Deno.readDir(dir)) {
            raw += new TextDecoder("latin1").decode(await Deno.readFile(dir + entry.name));
          }
          assert(raw.length > 0);
          for (const secret of SECRETS) {
            assert(!raw.includes(secret), `${secret} is in the SQLite file`);
          }
        }
        await isolated.drop();
      }
    },
  });

  Deno.test({
    name:
      `[${dialect.name}] rekey() stopped halfway runs again to the end and every transcript opens`,
    ignore: dialect.skip !== null,
    async fn() {
      const { handle, isolated } = await openMigrated(dialect);
      try {
        const plain = await createCipher(KEY_A);
        const ids = [await writeTicket(handle, plain)];
        // A second guild's ticket, stored plain before encryption was on.
        const both = await createCipher(KEY_B, { previous: KEY_A });
        const first = await rekey(handle, both, { batchSize: 2, maxBatches: 2 });
        assert.deepEqual(first.finished, false);
        // Meanwhile both keys' values read.
        const during = createStores(handle, { cipher: both });
        assert.deepEqual(
          (await during.transcripts.get(ids[0]!))?.html,
          "<p>transcripthtmlword</p>",
        );
        assert.deepEqual((await during.archive.messages(ids[0]!)).length, 5);

        const second = await rekey(handle, both, { batchSize: 2 });
        assert.deepEqual(second.finished, true);
        assert(second.resealed > 0);
        const onlyB = await createCipher(KEY_B);
        const after = createStores(handle, { cipher: onlyB });
        for (const id of ids) {
          assert.deepEqual((await after.transcripts.get(id))?.text, "transcripttextword");
          assert.deepEqual(
            (await after.tickets.get(id))?.answers[0]?.answer,
            "confidentialanswerword",
          );
          assert.deepEqual((await after.archive.messages(id)).length, 5);
          assert.deepEqual((await after.transcripts.attachments(id)).length, 1);
          assert.deepEqual((await after.feedback.get(id))?.comment, "a feedbackcommentword here");
          assert.match((await after.notes.list(id))[0]?.payload ?? "", /staffnoteword/);
          assert.equal(
            (await after.tags.get(GUILD, `tag-${id}`))?.content,
            "a savedanswerword for {opener}",
          );
        }
        const found = await createWebStores(handle, { cipher: onlyB }).browser.inGuild(
          GUILD,
          { text: "zebrawordinmessage" },
          { offset: 0, limit: 10 },
        );
        assert.deepEqual(found.length, 1);
      } finally {
        await handle.close();
        await isolated.drop();
      }
    },
  });
}
