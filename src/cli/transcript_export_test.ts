import assert from "node:assert/strict";
import type { UserId } from "../core/ids.ts";
import { exportStaffNotes, exportTranscript, listTranscripts } from "./transcript_export.ts";
import { parseTranscriptArgs } from "./transcript.ts";
import { openTestStores } from "../../tests/fixtures/test_stores.ts";
import { TEST_GUILD_ID } from "../../tests/fixtures/recording_discord.ts";
import { openFor } from "../../tests/fixtures/store_suite.ts";

Deno.test("exportTranscript() returns the stored HTML or text", async () => {
  const test = await openTestStores();
  try {
    const ticket = await openFor(test, TEST_GUILD_ID, { opener: "300000000000000001" as UserId });
    const ref = { guildId: TEST_GUILD_ID, number: ticket.number };
    await assert.rejects(
      exportTranscript(test, ref, { format: "html" }),
      /has none stored yet \(the ticket is open\)/,
    );
    await test.transcripts.save({
      ticketId: ticket.id,
      html: "<!DOCTYPE html><p>hi</p>",
      text: "hi\n",
      messageCount: 1,
      byteSize: 24,
    });
    assert.equal(
      await exportTranscript(test, ref, { format: "html" }),
      "<!DOCTYPE html><p>hi</p>",
    );
    assert.equal(
      await exportTranscript(test, ref, { format: "text" }),
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
      exportTranscript(test, { guildId: TEST_GUILD_ID, number: 99 }, { format: "text" }),
      /Cannot export the transcript of ticket 99: guild 100000000000000001 has no such ticket/,
    );
    await assert.rejects(
      exportTranscript(test, { guildId: "guild", number: 1 }, { format: "text" }),
      RangeError,
    );
    await assert.rejects(
      exportTranscript(test, { guildId: TEST_GUILD_ID, number: 0 }, { format: "text" }),
      RangeError,
    );
  } finally {
    await test.close();
  }
});

Deno.test("exportTranscript() picks a close's transcript and listTranscripts() lists them", async () => {
  const test = await openTestStores();
  try {
    const ticket = await openFor(test, TEST_GUILD_ID, { opener: "300000000000000001" as UserId });
    const ref = { guildId: TEST_GUILD_ID, number: ticket.number };
    assert.match(await listTranscripts(test, ref), /has no stored transcript yet \(it is open\)/);
    for (const sequence of [1, 2]) {
      await test.transcripts.save({
        ticketId: ticket.id,
        sequence,
        html: `<p>close ${sequence}</p>`,
        text: `close ${sequence}\n`,
        messageCount: sequence * 10,
        byteSize: 16,
      });
    }
    assert.equal(await exportTranscript(test, ref, { format: "text" }), "close 2\n");
    assert.equal(await exportTranscript(test, ref, { format: "text", close: 1 }), "close 1\n");
    await assert.rejects(
      exportTranscript(test, ref, { format: "html", close: 3 }),
      /Cannot export transcript 3 of ticket 1: it has 2 \(run with --list to see them\)/,
    );
    const lines = (await listTranscripts(test, ref)).trimEnd().split("\n");
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^1\t\S+Z\t10 messages\t16 bytes$/);
    assert.match(lines[1]!, /^2\t\S+Z\t20 messages\t16 bytes$/);
  } finally {
    await test.close();
  }
});

Deno.test("parseTranscriptArgs() reads --close and --list and refuses them together", () => {
  assert.deepEqual(parseTranscriptArgs(["1", "2", "--close", "3"]), {
    guildId: "1",
    number: 2,
    out: null,
    format: "html",
    close: 3,
    list: false,
    notes: false,
  });
  const listed = parseTranscriptArgs(["1", "2", "--list"]);
  assert.ok(!("problem" in listed) && listed.list && listed.close === null);
  assert.deepEqual(parseTranscriptArgs(["1", "2", "--close=0"]), {
    problem: '--close "0" is not a number of 1 or more',
  });
  assert.deepEqual(parseTranscriptArgs(["1", "2", "--close"]), {
    problem: "--close needs a number (1 for the first close)",
  });
  assert.deepEqual(parseTranscriptArgs(["1", "2", "--list", "--close", "1"]), {
    problem: "--list and --close do not go together",
  });
});

Deno.test("exportStaffNotes() renders a ticket's notes, and says when it has none", async () => {
  const test = await openTestStores();
  try {
    const ticket = await openFor(test, TEST_GUILD_ID, { opener: "300000000000000001" as UserId });
    const ref = { guildId: TEST_GUILD_ID, number: ticket.number };
    await assert.rejects(exportStaffNotes(test, ref, { format: "text" }), /it has none/);
    await test.notes.add({
      ticketId: ticket.id,
      noteId: "1300000000000000001",
      authorId: "300000000000000002" as UserId,
      payload: JSON.stringify({
        content: "Checked the <logs>",
        timestamp: "2026-01-02T03:04:05.000Z",
        author: { id: "300000000000000002", username: "sam" },
      }),
      createdAt: new Date("2026-01-02T03:04:05Z"),
    });
    const text = await exportStaffNotes(test, ref, { format: "text" });
    assert.match(text, /Staff notes · ticket #1/);
    assert.match(text, /sam .*Checked the <logs>/);
    const html = await exportStaffNotes(test, ref, { format: "html" });
    assert.ok(html.includes("Checked the &lt;logs&gt;"), "content is escaped");
  } finally {
    await test.close();
  }
});

Deno.test("parseTranscriptArgs() reads --notes, alone", () => {
  const parsed = parseTranscriptArgs(["123456789012345678", "4", "--notes", "--text"]);
  assert.ok(!("problem" in parsed));
  assert.equal(parsed.notes, true);
  assert.equal(parsed.format, "text");
  const plain = parseTranscriptArgs(["123456789012345678", "4"]);
  assert.ok(!("problem" in plain) && plain.notes === false);
  assert.ok("problem" in parseTranscriptArgs(["123456789012345678", "4", "--notes", "--list"]));
});
