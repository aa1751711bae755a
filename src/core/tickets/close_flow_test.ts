import assert from "node:assert/strict";
import { parse } from "parse5";
import type { ChannelId, MessageId } from "../ids.ts";
import type { FetchedMessage } from "../discord_port.ts";
import type { UserRef } from "../interaction.ts";
import { runClose } from "./close_flow.ts";
import { RecordingDiscord } from "../../../tests/fixtures/recording_discord.ts";
import {
  assertClosedOnce,
  closeAs,
  converse,
  dms,
  file,
  logPosts,
  OPENED_AT,
  PNG,
  STAFF_AVATAR,
  world,
} from "../../../tests/fixtures/close_world.ts";

Deno.test("runClose() closes a 250-message ticket with attachments, log post, DM and audit", async () => {
  const w = await world();
  try {
    converse(w, 250);
    // A message deleted before the close lives only in the live archive; one is edited.
    const deletedId = "250000000000000000" as MessageId;
    await w.ctx.archive.add({
      ticketId: w.ticket.id,
      messageId: deletedId,
      authorId: w.opener.id,
      payload: JSON.stringify({
        id: deletedId,
        type: 0,
        content: "I take that back",
        author: { id: w.opener.id, username: "olivia" },
        timestamp: new Date(OPENED_AT).toISOString(),
      }),
      createdAt: new Date(OPENED_AT),
    });
    await w.ctx.archive.markDeleted(deletedId, new Date(OPENED_AT + 1000));
    const edited = w.discord.messagesIn(w.channel)[5]!;
    edited.raw.edited_timestamp = new Date(OPENED_AT + 3_600_000).toISOString();
    w.now.value = OPENED_AT + 2 * 3_600_000 + 5 * 60_000;

    const outcome = await closeAs(w, "Refund sent");
    assert.equal(outcome.kind, "closed");
    await assertClosedOnce(w, 251);

    // History: 100 per page, oldest first.
    const pages = w.discord.callsOf("messagesAfter");
    assert.equal(pages.length, 3);
    assert.deepEqual(pages.map((c) => c.args[2]), [100, 100, 100]);
    assert.equal(pages[0]!.args[1], null);

    const attachments = await w.ctx.transcripts.attachments(w.ticket.id);
    assert.equal(attachments.length, 10);
    assert.deepEqual(attachments[0]!.data, PNG);

    const post = logPosts(w)[0]!.body;
    const embed = post.embeds?.[0];
    const field = (name: string) => embed?.fields?.find((f) => f.name === name)?.value;
    assert.equal(field("Ticket"), "#1");
    assert.equal(field("Messages"), "251");
    assert.equal(field("Opened by"), `<@${w.opener.id}>`);
    assert.equal(field("Closed by"), `<@${w.staff.id}>`);
    assert.equal(field("Claimed by"), "nobody");
    assert.equal(field("Reason"), "Refund sent");
    assert.equal(field("Duration"), "2 hr, 5 min");
    assert.deepEqual(post.allowed_mentions, { parse: [] });

    const html = new TextDecoder().decode(file(post, ".html").data);
    const text = new TextDecoder().decode(file(post, ".txt").data);
    assert.match(html, /message 0 <strong>bold<\/strong>/);
    assert.match(html, /message 249 <strong>bold<\/strong>/);
    assert.match(html, /I take that back/);
    assert.match(html, /class="msg deleted"/);
    assert.match(html, /\(edited\)/);
    assert.equal(
      html.match(/<img src="data:image\/png;base64,[^"]*" alt="shot.png">/g)?.length,
      10,
    );
    assert.match(html, /\.img-\d+\{background-image:url\("data:image\/png;base64,/, "staff avatar");
    assert.match(html, /<div class="avatar initial"[^>]*>O<\/div>/, "the opener has no avatar");
    assert.ok(parse(html), "the transcript parses as HTML");
    assert.match(text, /Olivia \(300000000000000001\): message 1 \*\*bold\*\*/);
    assert.match(text, /\(deleted Jan 5, 2026, 9:00:01 AM UTC\)/);
    assert.equal(html, (await w.ctx.transcripts.get(w.ticket.id))?.html);

    const dm = dms(w);
    assert.equal(dm.length, 1);
    assert.equal(w.discord.dmChannels.get(dm[0]!.channelId), w.opener.id);
    assert.match(file(dm[0]!.body, ".html").name, /^ticket-1-transcript\.html$/);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() keeps attachments within the per-file and per-ticket caps", async () => {
  const w = await world();
  try {
    const big = new Uint8Array(5000);
    big.set(PNG);
    for (let i = 0; i < 4; i++) {
      const url = `https://cdn.example/${i}.png`;
      w.discord.downloads.set(url, big);
      w.discord.addMessage(w.channel, w.opener, `file ${i}`, {
        attachments: [{ id: `${700 + i}`, filename: `${i}.png`, size: big.length, url }],
      });
    }
    const huge = "https://cdn.example/huge.bin";
    w.discord.downloads.set(huge, new Uint8Array(20_000));
    w.discord.addMessage(w.channel, w.opener, "huge", {
      attachments: [{ id: "799", filename: "huge.bin", size: 20_000, url: huge }],
    });
    const outcome = await runClose(w.ticket, w.ctx, {
      by: w.staff.id,
      reason: null,
      maxAttachmentBytes: 10_000,
      maxTicketAttachmentBytes: 12_000,
    });
    assert.equal(outcome.kind, "closed");
    const kept = await w.ctx.transcripts.attachments(w.ticket.id);
    assert.deepEqual(kept.map((a) => a.attachmentId), ["700", "701"]);
    assert.deepEqual(
      w.discord.callsOf("download").map((c) => c.args[0]).filter((url) => url !== STAFF_AVATAR),
      ["https://cdn.example/0.png", "https://cdn.example/1.png"],
      "files over a cap are not downloaded",
    );
    const html = (await w.ctx.transcripts.get(w.ticket.id))?.html ?? "";
    assert.match(html, /href="https:\/\/cdn.example\/huge.bin"/);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() resumes after the log post fails, with one log post and no refetch", async () => {
  const w = await world();
  try {
    converse(w, 30);
    w.discord.failNext("sendMessage", { kind: "missing_permissions" });
    const first = await closeAs(w);
    assert.equal(first.kind, "failed");
    assert.equal(first.kind === "failed" && first.step, "log_posted");
    assert.match(first.kind === "failed" ? first.reason : "", /permission.*log channel/);
    const stuck = await w.ctx.tickets.get(w.ticket.id);
    assert.equal(stuck?.status, "closing");
    assert.equal(stuck?.closeStep, "transcript_stored");
    assert.ok(w.discord.channels.has(w.channel), "the channel stays");
    assert.equal(logPosts(w).length, 0);
    const fetches = w.discord.callsOf("messagesAfter").length;

    const second = await closeAs(w);
    assert.equal(second.kind, "closed");
    await assertClosedOnce(w, 30);
    assert.equal(w.discord.callsOf("messagesAfter").length, fetches, "history not fetched again");
    assert.equal(
      logPosts(w)[0]!.body.embeds?.[0]?.fields?.find((f) => f.name === "Reason")?.value,
      "Resolved",
    );
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() treats a closed DM as done", async () => {
  const w = await world();
  try {
    converse(w, 5);
    w.discord.dmClosed.add(w.opener.id);
    const outcome = await closeAs(w);
    assert.equal(outcome.kind, "closed");
    await assertClosedOnce(w, 5);
    assert.equal(dms(w).length, 0);
    assert.equal(w.discord.callsOf("dmChannel").length, 1);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() resumes after the channel delete fails without posting or DMing twice", async () => {
  const w = await world();
  try {
    converse(w, 12);
    w.discord.failNext("deleteChannel", { kind: "unavailable", status: 503 });
    const first = await closeAs(w);
    assert.deepEqual(first, {
      kind: "failed",
      step: "channel_deleted",
      reason: "Discord is not answering right now; try again in a few minutes",
    });
    assert.equal((await w.ctx.tickets.get(w.ticket.id))?.closeStep, "dm_sent");
    assert.ok(w.discord.channels.has(w.channel));
    const second = await closeAs(w);
    assert.equal(second.kind, "closed");
    await assertClosedOnce(w, 12);
    assert.equal(dms(w).length, 1);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() resumes after a crash mid-history with nothing lost or duplicated", async () => {
  const w = await world();
  try {
    converse(w, 180);
    // The first page succeeds, then the port throws as a crashed process would stop.
    const original = w.discord.messagesAfter.bind(w.discord);
    let calls = 0;
    w.discord.messagesAfter = (channelId, after, limit) => {
      calls++;
      if (calls === 2) return Promise.reject(new Error("Connection reset by peer"));
      return original(channelId, after, limit);
    };
    const first = await closeAs(w);
    assert.equal(first.kind, "failed");
    assert.equal(first.kind === "failed" && first.step, "history_fetched");
    assert.equal(await w.ctx.transcripts.get(w.ticket.id), null, "no transcript yet");
    assert.ok(w.discord.channels.has(w.channel), "nothing deleted before the transcript is stored");
    assert.equal(logPosts(w).length, 0);
    const keptBefore = (await w.ctx.transcripts.attachments(w.ticket.id)).length;
    assert.equal(keptBefore, 4, "the first page's attachments are already kept");

    // A stale copy of the ticket (still "open") must not restart or duplicate anything.
    const second = await runClose(w.ticket, w.ctx, { by: w.opener.id, reason: null });
    assert.equal(second.kind, "closed");
    await assertClosedOnce(w, 180);
    assert.equal((await w.ctx.transcripts.attachments(w.ticket.id)).length, 8);
    assert.equal(
      w.discord.callsOf("download").filter((c) => c.args[0] !== STAFF_AVATAR).length,
      8,
      "kept attachments are not downloaded again",
    );
    const closed = await w.ctx.tickets.get(w.ticket.id);
    assert.equal(closed?.closedBy, w.staff.id, "the first closer stays the closer");
    assert.equal(closed?.closeReason, "Resolved");
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() resumes after a crash right after the log post without a second post", async () => {
  const w = await world();
  try {
    converse(w, 3);
    const recordStep = w.ctx.tickets.recordCloseStep.bind(w.ctx.tickets);
    w.ctx.tickets.recordCloseStep = (id, step) => {
      if (step === "dm_sent") return Promise.reject(new Error("Database is locked"));
      return recordStep(id, step);
    };
    const first = await closeAs(w);
    assert.equal(first.kind, "failed");
    assert.equal((await w.ctx.tickets.get(w.ticket.id))?.closeStep, "log_posted");
    w.ctx.tickets.recordCloseStep = recordStep;
    const second = await closeAs(w);
    assert.equal(second.kind, "closed");
    await assertClosedOnce(w, 3);
  } finally {
    await w.test.close();
  }
});

Deno.test("runClose() builds the transcript from the live archive when the channel is gone", async () => {
  const w = await world();
  try {
    for (let i = 0; i < 3; i++) {
      const id = `${260000000000000000n + BigInt(i)}` as MessageId;
      await w.ctx.archive.add({
        ticketId: w.ticket.id,
        messageId: id,
        authorId: w.opener.id,
        payload: JSON.stringify({ id, content: `archived ${i}`, author: { id: w.opener.id } }),
        createdAt: new Date(OPENED_AT + i),
      });
    }
    w.discord.channels.delete(w.channel);
    const outcome = await closeAs(w);
    assert.equal(outcome.kind, "closed");
    const transcript = await w.ctx.transcripts.get(w.ticket.id);
    assert.equal(transcript?.messageCount, 3);
    assert.match(transcript?.text ?? "", /archived 2/);
  } finally {
    await w.test.close();
  }
});

/** A Discord whose ticket history is 10,000 long messages, generated one page at a time. */
class LongHistoryDiscord extends RecordingDiscord {
  readonly total = 10_000;
  historyChannel: ChannelId | null = null;
  author: UserRef | null = null;

  override messagesAfter(
    channelId: ChannelId,
    after: MessageId | null,
    limit: number,
  ): Promise<FetchedMessage[]> {
    if (channelId !== this.historyChannel || this.author === null) {
      return super.messagesAfter(channelId, after, limit);
    }
    this.calls.push({ method: "messagesAfter", args: [channelId, after, limit] });
    const base = 1_000_000_000_000_000n;
    const start = after === null ? 0 : Number(BigInt(after) - base) + 1;
    const page: FetchedMessage[] = [];
    for (let i = start; i < Math.min(this.total, start + limit); i++) {
      const id = String(base + BigInt(i)) as MessageId;
      page.push({
        id,
        raw: {
          id,
          type: 0,
          content: `line ${i} ` + "lorem ipsum dolor sit amet ".repeat(40),
          timestamp: new Date(OPENED_AT + i * 1000).toISOString(),
          author: { id: this.author.id, username: this.author.username },
        },
      });
    }
    return Promise.resolve(page);
  }
}

Deno.test("runClose() closes a 10,000-message ticket page by page within Discord's upload limit", async () => {
  const discord = new LongHistoryDiscord();
  const w = await world(discord);
  try {
    discord.historyChannel = w.channel;
    discord.author = w.opener;
    const outcome = await closeAs(w);
    assert.equal(outcome.kind, "closed");
    await assertClosedOnce(w, 10_000);
    const pages = discord.callsOf("messagesAfter");
    assert.equal(pages.length, 101, "100 full pages and one empty one");
    assert.ok(pages.every((c) => c.args[2] === 100));

    const transcript = await w.ctx.transcripts.get(w.ticket.id);
    assert.ok((transcript?.byteSize ?? 0) > 8 * 1024 * 1024, "the HTML itself is over 8 MiB");
    const post = logPosts(w)[0]!.body;
    for (const f of post.files ?? []) assert.ok(f.data.byteLength <= 8 * 1024 * 1024, f.name);
    const html = file(post, ".html.gz");
    assert.equal(html.contentType, "application/gzip");
    const unzipped = await new Response(
      new Blob([html.data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
        new DecompressionStream("gzip"),
      ),
    ).text();
    assert.equal(unzipped, transcript?.html);
    assert.match(unzipped, /line 9999 lorem/);
    const notes = post.embeds?.[0]?.fields?.find((f) => f.name === "Files")?.value ?? "";
    assert.match(notes, /ticket-1-transcript\.html is gzip-compressed/);
  } finally {
    await w.test.close();
  }
});
