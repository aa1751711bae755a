/**
 * Erasure and export through the real stores: a member's words leave the
 * archive, both transcripts and search while another member's stay, and a
 * guild's data (or one member's) comes out as JSON, also from `ticketeer export`.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { GuildId, MessageId, UserId } from "../src/core/ids.ts";
import type { TicketId } from "../src/core/model.ts";
import { rerenderTranscript } from "../src/core/privacy/rerender_transcript.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/connect.ts";
import { createCipher, type FieldCipher } from "../src/db/encryption/field_cipher.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createStores } from "../src/db/stores/create_stores.ts";
import { eraseMember } from "../src/db/stores/erasure.ts";
import { transcriptStore } from "../src/db/stores/transcripts.ts";
import { exportGuild } from "../src/db/stores/guild_export.ts";
import type { StoreScope } from "../src/db/stores/scope.ts";
import { createWebStores } from "../src/db/stores/web_stores.ts";
import { DIALECTS } from "./fixtures/dialects.ts";
import { SAMPLE_TOKEN } from "./fixtures/sample_token.ts";
import { runTicketeer } from "./fixtures/ticketeer_process.ts";

const GUILD = "100000000000000001" as GuildId;
const MEMBER = "200000000000000001" as UserId;
const STAFF = "200000000000000002" as UserId;

async function seed(stores: ReturnType<typeof createStores>): Promise<TicketId> {
  const type = await stores.types.defaultFor(GUILD);
  const opened = await stores.tickets.open({
    guildId: GUILD,
    typeId: type.id,
    openerId: MEMBER,
    topic: "membertopicword",
    answers: [{ question: "What happened?", answer: "memberanswerword" }],
  });
  if (opened.kind !== "opened") throw new Error("Cannot open the test ticket");
  const id = opened.ticket.id;
  const say = (n: number, author: UserId, name: string, content: string) =>
    stores.archive.add({
      ticketId: id,
      messageId: `30000000000000000${n}` as MessageId,
      authorId: author,
      payload: JSON.stringify({
        id: `30000000000000000${n}`,
        content,
        timestamp: new Date(1_700_000_000_000 + n).toISOString(),
        author: { id: author, username: name },
        attachments: [],
      }),
      createdAt: new Date(1_700_000_000_000 + n),
    });
  await say(1, MEMBER, "alicename", "membersecretword one");
  await say(2, STAFF, "bobname", "staffreplyword two");
  await stores.transcripts.saveAttachment({
    ticketId: id,
    messageId: "300000000000000001" as MessageId,
    attachmentId: "400000000000000001",
    filename: "a.txt",
    contentType: "text/plain",
    size: 3,
    data: new TextEncoder().encode("abc"),
  });
  await stores.feedback.ask(id, GUILD, STAFF, new Date(1_700_000_000_100));
  await stores.feedback.rate(id, 4, new Date(1_700_000_000_200));
  await stores.feedback.comment(id, "membercommentword");
  const ticket = (await stores.tickets.get(id))!;
  const rendered = rerenderTranscript(ticket, await stores.archive.messages(id), {
    typeName: "Support",
    locale: "en",
  });
  await stores.transcripts.save({
    ticketId: id,
    html: rendered.html,
    text: rendered.text,
    messageCount: 2,
    byteSize: rendered.html.length,
  });
  return id;
}

/** Runs `fn` on a fresh migrated `dialect` database with encrypted stores, then drops it. */
async function withEncrypted(
  dialect: (typeof DIALECTS)[number],
  fn: (
    scope: StoreScope & { cipher: FieldCipher },
    stores: ReturnType<typeof createStores>,
    handle: DatabaseHandle,
  ) => Promise<void>,
): Promise<void> {
  const isolated = await dialect.isolate();
  const handle = await openDatabase(isolated.target, isolated.options);
  try {
    await migrateToLatest(handle);
    const cipher = await createCipher(new Uint8Array(32).fill(3));
    const scope = { db: handle.db, kind: handle.kind, now: () => 5, cipher };
    await fn(scope, createStores(handle, { cipher }), handle);
  } finally {
    await handle.close();
    await isolated.drop();
  }
}

for (const dialect of DIALECTS) {
  Deno.test({
    name:
      `[${dialect.name}] eraseMember() renders every transcript of a reopened ticket again, each up to its close`,
    ignore: dialect.skip !== null,
    fn: () =>
      withEncrypted(dialect, async (scope, stores) => {
        const id = await seed(stores);
        // The first close came between the member's message and the staff reply.
        const firstClose = transcriptStore({ ...scope, now: () => 1_700_000_000_001 });
        const ticket = (await stores.tickets.get(id))!;
        const early = rerenderTranscript(ticket, (await stores.archive.messages(id)).slice(0, 1), {
          typeName: "Support",
          locale: "en",
        });
        const full = (await stores.transcripts.get(id))!;
        await stores.transcripts.save({
          ticketId: id,
          sequence: 2,
          html: full.html,
          text: full.text,
          messageCount: full.messageCount,
          byteSize: full.byteSize,
        });
        await firstClose.save({ ticketId: id, sequence: 1, ...early, byteSize: early.html.length });

        const result = await eraseMember(scope, GUILD, { userId: MEMBER, actorId: STAFF });
        assert.equal(result.transcripts, 2);
        const first = (await stores.transcripts.get(id, 1))!;
        const second = (await stores.transcripts.get(id, 2))!;
        for (const transcript of [first, second]) {
          assert(!transcript.text.includes("membersecretword"));
          assert(transcript.text.includes("[removed]"));
        }
        assert(!first.text.includes("staffreplyword"), "the first ends at its close");
        assert(second.text.includes("staffreplyword"));
        assert.deepEqual((await stores.transcripts.list(id)).map((t) => t.sequence), [1, 2]);
      }),
  });
}

for (const dialect of DIALECTS) {
  Deno.test({
    name: `[${dialect.name}] eraseMember() removes the member's words and keeps another's`,
    ignore: dialect.skip !== null,
    fn: () =>
      withEncrypted(dialect, async (scope, stores, handle) => {
        const { cipher } = scope;
        const id = await seed(stores);
        const before = await stores.transcripts.get(id);
        assert(before?.html.includes("membersecretword"));

        const result = await eraseMember(scope, GUILD, { userId: MEMBER, actorId: STAFF });
        assert.equal(result.messages, 1);

        const archive = (await stores.archive.messages(id)).map((m) => m.payload).join("\n");
        const transcript = await stores.transcripts.get(id);
        const ticket = await stores.tickets.get(id);
        const feedback = await stores.feedback.get(id);
        assert.equal(feedback?.comment, "[removed]", "the feedback comment is removed");
        assert.equal(feedback?.rating, 4, "the rating stays");
        const texts = [archive, transcript!.html, transcript!.text, JSON.stringify(ticket)];
        for (const text of texts) {
          for (
            const word of ["membersecretword", "alicename", "memberanswerword", "membertopicword"]
          ) {
            assert(!text.includes(word), `${word} is still there`);
          }
        }
        assert(archive.includes("staffreplyword"));
        assert(transcript!.html.includes("staffreplyword"));
        assert(transcript!.text.includes("staffreplyword"));
        assert(transcript!.text.includes("[removed]"));
        assert.equal(transcript!.messageCount, 2);
        assert.equal((await stores.archive.messages(id)).length, 2);
        assert.deepEqual(await stores.transcripts.attachments(id), []);
        const browser = createWebStores(handle, { cipher }).browser;
        const page = { offset: 0, limit: 5 };
        assert.deepEqual(await browser.inGuild(GUILD, { text: "membersecretword" }, page), []);
        assert.equal((await browser.inGuild(GUILD, { text: "staffreplyword" }, page)).length, 1);
        const audit = await stores.audit.recent(GUILD, 5);
        const erase = audit.find((e) => e.action === "privacy.erase");
        assert.equal(erase?.actorId, STAFF);
        assert.equal(erase?.detail.user_id, MEMBER);
        assert(!JSON.stringify(audit).includes("membersecretword"));
      }),
  });

  Deno.test({
    name: `[${dialect.name}] exportGuild() writes the guild's data, or one member's, as JSON`,
    ignore: dialect.skip !== null,
    fn: () =>
      withEncrypted(dialect, async (scope, stores) => {
        await seed(stores);
        let chunks = 0;
        let all = "";
        await exportGuild(scope, GUILD, { write: (c) => (chunks++, all += c, Promise.resolve()) });
        assert(chunks > 4, "written piece by piece");
        const guild = JSON.parse(all);
        assert.equal(guild.tickets.length, 1);
        assert.equal(guild.tickets[0].answers[0].answer, "memberanswerword");
        assert.equal(guild.messages.length, 2);
        assert(Array.isArray(guild.audit_events));
        assert.deepEqual(guild.ratings, [{
          ticketId: guild.tickets[0].id,
          rating: 4,
          comment: "membercommentword",
          ratedAt: new Date(1_700_000_000_200).toISOString(),
          staffId: STAFF,
        }]);
        let opener = "";
        await exportGuild(scope, GUILD, {
          userId: MEMBER,
          ownOnly: true,
          write: (c) => (opener += c, Promise.resolve()),
        });
        assert.deepEqual(
          JSON.parse(opener).ratings.map((r: Record<string, unknown>) => Object.keys(r)),
          [["ticketId", "rating", "comment", "ratedAt"]],
          "a member's own copy has their rating, not who handled the ticket",
        );
        let mine = "";
        await exportGuild(scope, GUILD, {
          userId: STAFF,
          write: (c) => (mine += c, Promise.resolve()),
        });
        const member = JSON.parse(mine);
        assert.equal(member.tickets.length, 0);
        assert.deepEqual(member.ratings, [], "staff did not rate the ticket they handled");
        assert.deepEqual(
          member.messages.map((m: { payload: { content: string } }) => m.payload.content),
          [
            "staffreplyword two",
          ],
        );
      }),
  });
}

Deno.test("ticketeer export and erase run on an encrypted database", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer_export_" });
  const path = join(dir, "ticketeer.db");
  const key = new Uint8Array(32).fill(5);
  const handle = await openDatabase({ kind: "sqlite", path });
  try {
    await migrateToLatest(handle);
    await seed(createStores(handle, { cipher: await createCipher(key) }));
  } finally {
    await handle.close();
  }
  const env = {
    DISCORD_TOKEN: SAMPLE_TOKEN,
    DATABASE_URL: `sqlite:${path}`,
    ENCRYPTION_KEY: btoa(String.fromCharCode(...key)),
  };
  try {
    const out = join(dir, "guild.json");
    const run = await runTicketeer(["export", "--guild", GUILD, "--out", out], { env });
    assert.equal(run.code, 0, run.output);
    const exported = JSON.parse(await Deno.readTextFile(out));
    assert.equal(exported.messages.length, 2);
    assert.equal(exported.ratings[0].comment, "membercommentword");
    const erased = await runTicketeer(["erase", "--guild", GUILD, "--user", MEMBER], { env });
    assert.equal(erased.code, 0, erased.output);
    const after = await runTicketeer(["export", "--guild", GUILD], { env });
    assert.equal(after.code, 0, after.output);
    assert(!after.stdout.includes("membersecretword"));
    assert(!after.stdout.includes("membercommentword"));
    assert(after.stdout.includes("staffreplyword"));
    const usage = await runTicketeer(["erase", "--guild", GUILD], { env });
    assert.equal(usage.code, 2);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
