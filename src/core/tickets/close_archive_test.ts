import assert from "node:assert/strict";
import { snowflakeAt } from "./archive_coverage.ts";
import {
  archive,
  closeAs,
  connectedFrom,
  HistoryDiscord,
  logPosts,
  messageAt,
  MINUTE,
  OPENED_AT,
  type World,
  world,
} from "../../../tests/fixtures/close_world.ts";

async function transcriptText(w: World): Promise<string> {
  return (await w.ctx.transcripts.get(w.ticket.id))?.text ?? "";
}

Deno.test("runClose() without Read Message History keeps the live archive's messages", async () => {
  const w = await world();
  try {
    // Discord answers an empty history to a bot without Read Message History.
    await archive(w, [messageAt(w, 1, "my order is late"), messageAt(w, 2, "sorry, on it")]);
    const outcome = await closeAs(w, "Resolved", { canReadHistory: false });
    assert.equal(outcome.kind, "closed");
    assert.equal(w.discord.callsOf("messagesAfter").length, 0, "no history read is wasted");
    const text = await transcriptText(w);
    assert.match(text, /my order is late/);
    assert.match(text, /sorry, on it/);
    assert.equal((await w.ctx.transcripts.get(w.ticket.id))?.messageCount, 2);
    assert.equal(w.discord.channels.has(w.channel), false, "deleted once the transcript is kept");
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() falls back on the live archive when Discord's history comes back empty", async () => {
  const w = await world();
  try {
    await archive(w, [messageAt(w, 1, "first"), messageAt(w, 2, "second"), messageAt(w, 3, "x")]);
    const outcome = await closeAs(w);
    assert.equal(outcome.kind, "closed");
    assert.equal(w.discord.callsOf("messagesAfter").length, 1);
    assert.equal((await w.ctx.transcripts.get(w.ticket.id))?.messageCount, 3);
    assert.match(await transcriptText(w), /second/);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() makes the transcript again when the stored one holds fewer messages than the archive", async () => {
  const w = await world();
  try {
    await archive(w, [messageAt(w, 1, "first"), messageAt(w, 2, "second")]);
    // An earlier close stored an empty transcript and stopped after it.
    w.now.value = OPENED_AT + 5 * MINUTE;
    await w.ctx.tickets.beginClose(w.ticket.id, w.staff.id, "Resolved");
    await w.ctx.transcripts.save({
      ticketId: w.ticket.id,
      html: "<p>empty</p>",
      text: "",
      messageCount: 0,
      byteSize: 12,
    });
    await w.ctx.tickets.recordCloseStep(w.ticket.id, "transcript_stored");
    w.now.value = OPENED_AT + 10 * MINUTE;

    const outcome = await closeAs(w);
    assert.equal(outcome.kind, "closed", "the close made a complete transcript before the delete");
    assert.equal((await w.ctx.transcripts.get(w.ticket.id))?.messageCount, 2);
    assert.equal(w.discord.channels.has(w.channel), false);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() of a fully archived 1,000-message ticket reads no history", async () => {
  const w = await world();
  try {
    const messages = Array.from({ length: 1000 }, (_, i) => messageAt(w, i * 0.05, `m${i}`));
    await archive(w, messages);
    w.now.value = OPENED_AT + 60 * MINUTE;
    await connectedFrom(w, "s1", -30, 59.8, true);
    const outcome = await closeAs(w);
    assert.equal(outcome.kind, "closed");
    assert.equal(w.discord.callsOf("messagesAfter").length, 0);
    assert.equal((await w.ctx.transcripts.get(w.ticket.id))?.messageCount, 1000);
    assert.equal(logPosts(w).length, 1);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() reads only the pages of a gap in the archive", async () => {
  const discord = new HistoryDiscord();
  const w = await world(discord);
  try {
    discord.historyChannel = w.channel;
    // 1,000 messages over 100 minutes; the bot was away from minute 40 to 50 (re-identified).
    discord.history = Array.from({ length: 1000 }, (_, i) => messageAt(w, i * 0.1, `m${i}`));
    const seen = discord.history.filter((m) => {
      const minute = (Date.parse(String(m.raw.timestamp)) - OPENED_AT) / MINUTE;
      return minute < 40 || minute >= 50;
    });
    await archive(w, seen);
    w.now.value = OPENED_AT + 100 * MINUTE;
    await connectedFrom(w, "before", -5, 40, false);
    await connectedFrom(w, "after", 50, 99.9, true);

    const outcome = await closeAs(w);
    assert.equal(outcome.kind, "closed");
    const reads = discord.callsOf("messagesAfter");
    // The gap (widened by a minute each side) holds 120 messages: 2 pages, from minute 39.
    assert.equal(reads.length, 2);
    assert.equal(reads[0]!.args[1], snowflakeAt(new Date(OPENED_AT + 39 * MINUTE)));
    assert.equal((await w.ctx.transcripts.get(w.ticket.id))?.messageCount, 1000);
    assert.match(await transcriptText(w), /m450\b/);
  } finally {
    await w.test.close();
  }
});
