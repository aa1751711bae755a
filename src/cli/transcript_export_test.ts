import assert from "node:assert/strict";
import type { UserId } from "../core/ids.ts";
import { exportTranscript } from "./transcript_export.ts";
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
