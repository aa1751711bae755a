/**
 * Closing a ticket end to end, through the real bot and the fake Discord: the
 * transcript (stored, posted to the log channel, sent to the opener) holds every
 * message and attachment, and no failure or crash during the close loses it or
 * posts it twice.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { FakeDiscord, FakeMessage } from "../fake_discord/fake_discord.ts";
import type { TicketeerApp } from "../../src/app/start.ts";
import type { Ticket } from "../../src/core/model.ts";
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { envForFake, runTicketeer, spawnTicketeer } from "../fixtures/ticketeer_process.ts";
import { bootBot, startWorld } from "./boot.ts";
import {
  answerOf,
  askToClose,
  botMessagesIn,
  closeTicket,
  eventually,
  guildWithTicket,
  openTicket,
  pressConfirm,
  setUpGuild,
  type TicketGuild,
  ticketOf,
} from "./world.ts";

/** A 1×1 PNG (a real image, so the transcript shows it inline). */
const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  ),
  (c) => c.charCodeAt(0),
);

/** Waits until the live archive holds `count` messages of the ticket. */
async function archived(fake: FakeDiscord, app: TicketeerApp, ticket: Ticket, count: number) {
  let seen = 0;
  await eventually(
    fake,
    async () => {
      seen = (await app.stores.archive.messages(ticket.id)).length;
      return seen >= count;
    },
    10_000,
    `the live archive to hold ${count} messages`,
  ).catch((error) => {
    throw new Error(`${error.message} (it holds ${seen})`);
  });
}

/** Log-channel posts that carry a transcript. */
function transcriptPosts(fake: FakeDiscord, g: TicketGuild, number: number): FakeMessage[] {
  return botMessagesIn(fake, g.logs).filter((m) =>
    JSON.stringify(m.embeds).includes(`Ticket #${number} closed`)
  );
}

/** Requests to post a ticket's transcript summary to the log channel (answered or not). */
function transcriptPostCalls(fake: FakeDiscord, g: TicketGuild, number: number) {
  return fake.calls.filter((c) =>
    c.method === "POST" && c.path === `/channels/${g.logs}/messages` &&
    JSON.stringify(c.body).includes(`Ticket #${number} closed`)
  );
}

function fieldOf(message: FakeMessage, name: string): string | undefined {
  const embed = message.embeds[0] as { fields?: Array<{ name: string; value: string }> };
  return embed.fields?.find((f) => f.name === name)?.value;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

Deno.test("closing a 250-message ticket keeps every message and attachment everywhere", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer-close-" });
  try {
    const databasePath = join(dir, "ticketeer.db");
    await using world = await startWorld({ databasePath });
    const { fake, app } = world;
    const { g, opener, channel, ticket } = await guildWithTicket(world);

    // 250 messages from the opener and the staff member, some with files.
    const posted: FakeMessage[] = [];
    const files: Array<{ name: string; data: Uint8Array }> = [];
    for (let i = 1; i <= 250; i++) {
      const author = i % 3 === 0 ? g.staff : opener;
      const attachments = [];
      if (i % 25 === 0) {
        const data = new TextEncoder().encode(`log file number ${i}\n`.repeat(20));
        attachments.push({ filename: `log-${i}.txt`, data, contentType: "text/plain" });
      }
      if (i === 100 || i === 200) {
        attachments.push({ filename: `screenshot-${i}.png`, data: PNG, contentType: "image/png" });
      }
      for (const a of attachments) files.push({ name: a.filename, data: a.data });
      posted.push(
        fake.postMessage(channel, author, `message number ${i} <b>not bold</b>`, { attachments }),
      );
    }
    const before = fake.state.messagesIn(channel.id).length;
    await archived(fake, app, ticket, before);
    // Two edits and two deletions, as members make them.
    fake.editMessage(channel, posted[9]!.id, "message number 10, edited to say more");
    fake.editMessage(channel, posted[19]!.id, "message number 20, edited too");
    fake.deleteMessage(channel, posted[29]!.id);
    fake.deleteMessage(channel, posted[39]!.id);
    await eventually(
      fake,
      async () =>
        (await app.stores.archive.messages(ticket.id)).filter((m) => m.deletedAt !== null)
          .length === 2,
      5000,
      "the live archive to mark two messages deleted",
    );

    const remaining = fake.state.messagesIn(channel.id).length;
    const answer = await closeTicket(g, {
      channel: channel.id,
      user: g.staff,
      reason: "Solved: parcel found",
    });
    assert.match(answer.text, /is closed/);

    // The log channel: one summary with the transcript files.
    const posts = transcriptPosts(fake, g, ticket.number);
    assert.equal(posts.length, 1);
    const post = posts[0]!;
    assert.equal(fieldOf(post, "Ticket"), `#${ticket.number}`);
    assert.equal(fieldOf(post, "Opened by"), `<@${opener}>`);
    assert.equal(fieldOf(post, "Closed by"), `<@${g.staff}>`);
    assert.equal(fieldOf(post, "Reason"), "Solved: parcel found");
    assert.match(fieldOf(post, "Duration") ?? "", /^\d+ (sec|min)$/);
    // What the channel holds now, plus the two deleted messages the archive kept.
    const expected = remaining + 2;
    assert.equal(Number(fieldOf(post, "Messages")), expected);
    assert.ok(expected > 250);
    const htmlFile = post.attachments.find((a) => a.filename.endsWith(".html"));
    assert.ok(htmlFile, "the transcript HTML is attached");
    const html = decode(htmlFile.data);

    // Every message (edited ones as edited, deleted ones marked) and every file.
    for (const [index, message] of posted.entries()) {
      const i = index + 1;
      assert.ok(html.includes(`id="message-${message.id}"`), `message ${i} is in the transcript`);
      if (i === 10 || i === 20) {
        assert.ok(html.includes(`message number ${i}, edited`), `edit of ${i}`);
      } else {
        assert.ok(html.includes(`message number ${i} &lt;b&gt;not bold&lt;/b&gt;`), `text ${i}`);
      }
    }
    assert.ok(!html.includes("<b>not bold</b>"), "member content is escaped");
    assert.equal((html.match(/class="msg deleted"/g) ?? []).length, 2);
    const stored = await app.stores.transcripts.attachments(ticket.id);
    for (const file of files) {
      assert.ok(html.includes(file.name), `${file.name} is in the transcript`);
      const copy = stored.find((a) => a.filename === file.name);
      assert.ok(copy, `${file.name} is stored`);
      assert.deepEqual(copy.data, file.data);
    }
    assert.ok(html.includes(`data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`));

    // The stored transcript is what was posted.
    const transcript = await app.stores.transcripts.get(ticket.id);
    assert.ok(transcript);
    assert.equal(transcript.html, html);
    assert.equal(transcript.messageCount, expected);
    const textFile = post.attachments.find((a) => a.filename.endsWith(".txt"));
    assert.ok(textFile);
    assert.equal(decode(textFile.data), transcript.text);

    // The opener's DM holds the same transcript.
    const dm = fake.state.dmChannels.get(opener);
    assert.ok(dm, "the bot opened a DM with the opener");
    const dmPosts = botMessagesIn(fake, dm);
    assert.equal(dmPosts.length, 1);
    assert.equal(decode(dmPosts[0]!.attachments[0]!.data), html);

    // The channel went last, after the log post and the DM.
    assert.equal(fake.state.channels.get(channel.id), undefined);
    const order = (pattern: RegExp) => fake.calls.findIndex((c) => pattern.test(c.path));
    const deletedAt = order(new RegExp(`^/channels/${channel.id}$`));
    assert.ok(deletedAt > order(new RegExp(`^/channels/${g.logs}/messages$`)));
    assert.ok(deletedAt > order(new RegExp(`^/channels/${dm}/messages$`)));
    assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closed");

    // `ticketeer transcript <guild> <n> --out FILE` writes the stored transcript.
    const out = join(dir, "exported.html");
    const cli = await runTicketeer(["transcript", g.guild, String(ticket.number), "--out", out], {
      env: {
        DATABASE_URL: `sqlite:${databasePath}`,
        DISCORD_TOKEN: fake.token,
        LOG_LEVEL: "error",
      },
    });
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(await Deno.readTextFile(out), html);
    fake.assertNoViolations();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** A guild with one open ticket holding a few messages, on a bot that retries quickly. */
async function worldWithTicket() {
  const world = await startWorld({ start: { retry: { maxAttempts: 2, minTimeout: 20 } } });
  try {
    const { fake, app } = world;
    const { g, opener, channel, ticket } = await guildWithTicket(world);
    for (let i = 1; i <= 5; i++) fake.postMessage(channel, opener, `question ${i}`);
    await archived(fake, app, ticket, fake.state.messagesIn(channel.id).length);
    return Object.assign(world, { g, opener, channel: channel.id, ticket });
  } catch (error) {
    await world[Symbol.asyncDispose]();
    throw error;
  }
}

Deno.test("a failed log post leaves the ticket closing, and Confirm again posts it once", async () => {
  await using world = await worldWithTicket();
  const { fake, app, g, opener, channel, ticket } = world;
  const ask = await askToClose(g, { channel, user: g.staff, reason: "done" });
  // Both attempts of the log post fail (502), as when Discord has an outage.
  fake.inject5xx({ route: "POST /channels/:id/messages", count: 2, status: 502 });
  const failed = await answerOf(pressConfirm(g, { channel, user: g.staff, ...ask }));
  assert.match(failed.text, /could not finish closing ticket #\d+/i);
  assert.match(failed.text, /Discord is not answering/);
  assert.match(failed.text, /\/ticket close/);
  assert.ok(failed.ephemeral, "the member is told privately");
  assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closing");
  assert.ok(fake.state.channels.get(channel), "the channel stays");
  assert.equal(transcriptPosts(fake, g, ticket.number).length, 0);
  assert.ok(await app.stores.transcripts.get(ticket.id), "the transcript is already stored");

  const done = await answerOf(pressConfirm(g, { channel, user: g.staff, ...ask }));
  assert.match(done.text, /is closed/);
  assert.equal(transcriptPosts(fake, g, ticket.number).length, 1);
  assert.equal(botMessagesIn(fake, fake.state.dmChannels.get(opener) ?? "").length, 1);
  assert.equal(fake.state.channels.get(channel), undefined);
  assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closed");
  fake.assertNoViolations();
});

Deno.test("an opener who does not accept DMs does not stop the close", async () => {
  await using world = await worldWithTicket();
  const { fake, app, g, opener, channel, ticket } = world;
  fake.setDmsClosed(opener, true);
  const answer = await closeTicket(g, { channel, user: opener, reason: "thanks" });
  assert.match(answer.text, /is closed/);
  assert.equal(transcriptPosts(fake, g, ticket.number).length, 1);
  assert.ok(
    fake.calls.some((c) =>
      c.method === "POST" && c.status === 403 && /^\/channels\/\d+\/messages$/
        .test(c.path) &&
      c.path !== `/channels/${g.logs}/messages`
    ),
    "the bot tried the DM",
  );
  assert.equal(fake.state.channels.get(channel), undefined);
  assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closed");
  fake.assertNoViolations();
});

Deno.test("a failed channel deletion resumes without a second log post or DM", async () => {
  await using world = await worldWithTicket();
  const { fake, app, g, opener, channel, ticket } = world;
  const ask = await askToClose(g, { channel, user: g.staff });
  fake.failNext({ method: "DELETE", route: "/channels/:id", status: 403, code: 50013 });
  const failed = await answerOf(pressConfirm(g, { channel, user: g.staff, ...ask }));
  assert.match(failed.text, /could not finish closing/i);
  assert.match(failed.text, /Manage Channels/);
  assert.ok(fake.state.channels.get(channel), "the channel stays");
  assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closing");
  assert.equal(transcriptPosts(fake, g, ticket.number).length, 1);

  const done = await answerOf(pressConfirm(g, { channel, user: g.staff, ...ask }));
  assert.match(done.text, /is closed/);
  assert.equal(fake.state.channels.get(channel), undefined);
  assert.equal(transcriptPosts(fake, g, ticket.number).length, 1);
  const dm = fake.state.dmChannels.get(opener) ?? "";
  assert.equal(botMessagesIn(fake, dm).length, 1);
  assert.equal(
    transcriptPostCalls(fake, g, ticket.number).length,
    1,
    "the log post was not even attempted again",
  );
  fake.assertNoViolations();
});

Deno.test("two Confirms at the same moment close the ticket once", async () => {
  await using world = await worldWithTicket();
  const { fake, app, g, opener, channel, ticket } = world;
  const ask = await askToClose(g, { channel, user: g.staff });
  // Hold the first request of the transcript (the guild's roles, for mention names) so
  // both closes are under way together.
  const held = fake.holdNext({ method: "GET", route: "/guilds/:id/roles" });
  const first = pressConfirm(g, { channel, user: g.staff, ...ask });
  await held.arrived;
  const second = pressConfirm(g, { channel, user: opener, ...ask });
  await second.response;
  held.release();
  const answers = await Promise.all([answerOf(first), answerOf(second)]);
  for (const answer of answers) assert.match(answer.text, /is closed/);
  const posts = (path: string) =>
    fake.calls.filter((c) => c.method === "POST" && c.path === path).length;
  assert.equal(transcriptPostCalls(fake, g, ticket.number).length, 1, "one log post request");
  assert.equal(posts(`/channels/${fake.state.dmChannels.get(opener)}/messages`), 1, "one DM");
  assert.equal(
    fake.calls.filter((c) => c.method === "DELETE" && c.path === `/channels/${channel}`).length,
    1,
  );
  assert.equal(transcriptPosts(fake, g, ticket.number).length, 1);
  assert.equal((await app.stores.tickets.get(ticket.id))?.status, "closed");
  fake.assertNoViolations();
});

for (
  const crash of [
    {
      when: "while rendering the transcript",
      hold: { method: "GET", route: "/guilds/:id/roles" },
    },
    {
      when: "after Discord took the log post but before the bot recorded it",
      hold: { method: "POST", route: "/channels/:id/messages", afterEffect: true },
    },
  ] as const
) {
  Deno.test(`a bot killed ${crash.when} finishes the close on restart, posting once`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "ticketeer-crash-" });
    const fake = await startFakeDiscord();
    try {
      const databasePath = join(dir, "ticketeer.db");
      // The bot as its own process, so the test can kill it outright.
      await using child = await spawnTicketeer([], {
        env: envForFake(fake, databasePath, { LOG_LEVEL: "error" }),
        captureOutput: false,
      });
      await fake.waitFor(() => fake.gateway.isConnected(0), 20_000, "the bot process to connect");
      const g = await setUpGuild(fake, 1);
      const opener = g.members[0]!;
      const channel = await openTicket(g, opener);
      const posted = [];
      for (let i = 1; i <= 120; i++) {
        const attachments = i === 60
          ? [{ filename: "receipt.png", data: PNG, contentType: "image/png" }]
          : [];
        posted.push(fake.postMessage(channel, opener, `crash message ${i}`, { attachments }));
      }
      const ask = await askToClose(g, { channel: channel.id, user: g.staff, reason: "ok" });
      const held = fake.holdNext(crash.hold);
      const confirm = pressConfirm(g, { channel: channel.id, user: g.staff, ...ask });
      await confirm.response;
      await held.arrived;
      child.signal("SIGKILL");
      await child.finished;
      held.release();
      assert.ok(fake.state.channels.get(channel.id), "the channel is still there");

      // A new bot on the same database resumes the close at startup.
      const app = await bootBot(fake, { databasePath, start: { reconcileOnStart: true } });
      try {
        const ticket = await ticketOf(app, channel.id);
        await eventually(
          fake,
          async () => (await app.stores.tickets.get(ticket.id))?.status === "closed",
          10_000,
          "the resumed close to finish",
        );
        assert.equal(fake.state.channels.get(channel.id), undefined);
        const posts = transcriptPosts(fake, g, ticket.number);
        assert.equal(posts.length, 1, "one transcript in the log channel");
        const html = decode(posts[0]!.attachments.find((a) => a.filename.endsWith(".html"))!.data);
        for (const message of posted) {
          assert.ok(html.includes(`id="message-${message.id}"`), `${message.content} is kept`);
        }
        assert.ok(html.includes(`data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`));
        assert.equal((await app.stores.transcripts.get(ticket.id))?.html, html);
        const dm = fake.state.dmChannels.get(opener) ?? "";
        assert.equal(botMessagesIn(fake, dm).length, 1, "one DM");
      } finally {
        await app.stop();
      }
      fake.assertNoViolations();
    } finally {
      await fake.close();
      await Deno.remove(dir, { recursive: true });
    }
  });
}
