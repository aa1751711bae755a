import assert from "node:assert/strict";
import type { UserId } from "../core/ids.ts";
import { exportTranscript } from "./transcript_export.ts";
import { openTestRepository } from "../../tests/fixtures/test_repository.ts";
import { TEST_GUILD_ID } from "../../tests/fixtures/recording_discord.ts";

Deno.test("exportTranscript() returns the stored HTML or text", async () => {
  const test = await openTestRepository();
  try {
    const type = await test.repo.defaultTicketType(TEST_GUILD_ID);
    const opened = await test.repo.openTicket({
      guildId: TEST_GUILD_ID,
      typeId: type.id,
      openerId: "300000000000000001" as UserId,
      topic: null,
      answers: [],
    });
    assert.equal(opened.kind, "opened");
    if (opened.kind !== "opened") return;
    await assert.rejects(
      exportTranscript(test.repo, TEST_GUILD_ID, opened.ticket.number, "html"),
      /has none stored yet \(the ticket is open\)/,
    );
    await test.repo.saveTranscript({
      ticketId: opened.ticket.id,
      html: "<!DOCTYPE html><p>hi</p>",
      text: "hi\n",
      messageCount: 1,
      byteSize: 24,
    });
    assert.equal(
      await exportTranscript(test.repo, TEST_GUILD_ID, opened.ticket.number, "html"),
      "<!DOCTYPE html><p>hi</p>",
    );
    assert.equal(
      await exportTranscript(test.repo, TEST_GUILD_ID, opened.ticket.number, "text"),
      "hi\n",
    );
  } finally {
    await test.close();
  }
});

Deno.test("exportTranscript() explains unknown tickets and bad arguments", async () => {
  const test = await openTestRepository();
  try {
    await assert.rejects(
      exportTranscript(test.repo, TEST_GUILD_ID, 99, "text"),
      /Cannot export the transcript of ticket 99: guild 100000000000000001 has no such ticket/,
    );
    await assert.rejects(exportTranscript(test.repo, "guild", 1, "text"), RangeError);
    await assert.rejects(exportTranscript(test.repo, TEST_GUILD_ID, 0, "text"), RangeError);
  } finally {
    await test.close();
  }
});
