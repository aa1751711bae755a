import assert from "node:assert/strict";
import type { UserId } from "../core/ids.ts";
import { exportStaffNotes, exportTranscript } from "./transcript_export.ts";
import { parseTranscriptArgs } from "./transcript.ts";
import { openTestStores } from "../../tests/fixtures/test_stores.ts";
import { TEST_GUILD_ID } from "../../tests/fixtures/recording_discord.ts";

Deno.test("exportTranscript() returns the stored HTML or text", async () => {
  const test = await openTestStores();
  try {
    const type = await test.types.defaultFor(TEST_GUILD_ID);
    const opened = await test.tickets.open({
      guildId: TEST_GUILD_ID,
      typeId: type.id,
      openerId: "300000000000000001" as UserId,
      topic: null,
      answers: [],
    });
    assert.equal(opened.kind, "opened");
    if (opened.kind !== "opened") return;
    await assert.rejects(
      exportTranscript(test, TEST_GUILD_ID, opened.ticket.number, "html"),
      /has none stored yet \(the ticket is open\)/,
    );
    await test.transcripts.save({
      ticketId: opened.ticket.id,
      html: "<!DOCTYPE html><p>hi</p>",
      text: "hi\n",
      messageCount: 1,
      byteSize: 24,
    });
    assert.equal(
      await exportTranscript(test, TEST_GUILD_ID, opened.ticket.number, "html"),
      "<!DOCTYPE html><p>hi</p>",
    );
    assert.equal(
      await exportTranscript(test, TEST_GUILD_ID, opened.ticket.number, "text"),
      "hi\n",
    );
  } finally {
    await test.close();
  }
});

Deno.test("exportTranscript() explains unknown tickets and bad arguments", async () => {
  const test = await openTestStores();
  try {
    await assert.rejects(
      exportTranscript(test, TEST_GUILD_ID, 99, "text"),
      /Cannot export the transcript of ticket 99: guild 100000000000000001 has no such ticket/,
    );
    await assert.rejects(exportTranscript(test, "guild", 1, "text"), RangeError);
    await assert.rejects(exportTranscript(test, TEST_GUILD_ID, 0, "text"), RangeError);
  } finally {
    await test.close();
  }
});

Deno.test("exportStaffNotes() renders a ticket's notes, and says when it has none", async () => {
  const test = await openTestStores();
  try {
    const type = await test.types.defaultFor(TEST_GUILD_ID);
    const opened = await test.tickets.open({
      guildId: TEST_GUILD_ID,
      typeId: type.id,
      openerId: "300000000000000001" as UserId,
      topic: null,
      answers: [],
    });
    assert.equal(opened.kind, "opened");
    if (opened.kind !== "opened") return;
    const { number } = opened.ticket;
    await assert.rejects(exportStaffNotes(test, TEST_GUILD_ID, number, "text"), /it has none/);
    await test.notes.add({
      ticketId: opened.ticket.id,
      noteId: "1300000000000000001",
      authorId: "300000000000000002" as UserId,
      payload: JSON.stringify({
        content: "Checked the <logs>",
        timestamp: "2026-01-02T03:04:05.000Z",
        author: { id: "300000000000000002", username: "sam" },
      }),
      createdAt: new Date("2026-01-02T03:04:05Z"),
    });
    const text = await exportStaffNotes(test, TEST_GUILD_ID, number, "text");
    assert.match(text, /Staff notes · ticket #1/);
    assert.match(text, /sam .*Checked the <logs>/);
    const html = await exportStaffNotes(test, TEST_GUILD_ID, number, "html");
    assert.ok(html.includes("Checked the &lt;logs&gt;"), "content is escaped");
  } finally {
    await test.close();
  }
});

Deno.test("parseTranscriptArgs() reads --notes", () => {
  const parsed = parseTranscriptArgs(["123456789012345678", "4", "--notes", "--text"]);
  assert.ok(!("problem" in parsed));
  assert.equal(parsed.notes, true);
  assert.equal(parsed.format, "text");
  const plain = parseTranscriptArgs(["123456789012345678", "4"]);
  assert.ok(!("problem" in plain) && plain.notes === false);
});
