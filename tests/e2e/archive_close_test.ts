/**
 * Closing from the live archive: a ticket channel deleted by a person closes its
 * ticket at once with what the archive kept, and attachments are copied as they
 * arrive, so a close after their links expired still shows them.
 */
import assert from "node:assert/strict";
import type { FakeDiscord, FakeMessage } from "../fake_discord/fake_discord.ts";
import { startWorld } from "./boot.ts";
import {
  botMessagesIn,
  closeTicket,
  eventually,
  guildWithTicket,
  openTicket,
  type TicketGuild,
} from "./world.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DAY_MS = 24 * 60 * 60 * 1000;

function summaryOf(fake: FakeDiscord, g: TicketGuild, number: number): FakeMessage | undefined {
  return botMessagesIn(fake, g.logs).find((m) =>
    JSON.stringify(m.embeds).includes(`Ticket #${number} closed`)
  );
}

function htmlOf(message: FakeMessage): string {
  const file = message.attachments.find((a) => a.filename.endsWith(".html"));
  assert.ok(file, "the summary carries the HTML transcript");
  return new TextDecoder().decode(file.data);
}

Deno.test("a ticket channel deleted by a person closes its ticket from the live archive at once", async () => {
  await using world = await startWorld({});
  const { fake, app } = world;
  const { g, opener, channel, ticket } = await guildWithTicket(world);
  fake.postMessage(channel, opener, "my order never arrived");
  fake.postMessage(channel, g.staff, "sending a new one today");
  await eventually(
    fake,
    async () => (await app.stores.archive.messages(ticket.id)).length >= 3,
    5000,
    "the archive to hold the welcome and both messages",
  );
  const historyReads = () =>
    fake.calls.filter((c) => c.method === "GET" && c.route === "/channels/:id/messages").length;
  const readsBefore = historyReads();

  fake.deleteChannel(channel);
  const summary = await fake.waitFor(
    () => summaryOf(fake, g, ticket.number),
    5000,
    "the summary in the log channel",
  );
  assert.match(JSON.stringify(summary.embeds), /channel deleted/);
  const html = htmlOf(summary);
  assert.match(html, /my order never arrived/);
  assert.match(html, /sending a new one today/);
  assert.equal(historyReads(), readsBefore, "the archive had it all: no history read");
  await eventually(
    fake,
    async () => (await app.stores.tickets.get(ticket.id))?.status === "closed",
    5000,
    "the ticket to be closed",
  );

  const again = await openTicket(g, opener, "Still waiting");
  assert.notEqual(again.id, channel.id, "the member opened a new ticket at once");
  fake.assertNoViolations();
});

Deno.test("an attachment whose link expired is in the transcript from the copy made on arrival", async () => {
  await using world = await startWorld({});
  const { fake, app } = world;
  const { g, opener, channel, ticket } = await guildWithTicket(world);
  fake.postMessage(channel, opener, "here is the damage", {
    attachments: [{ filename: "parcel.png", data: PNG, contentType: "image/png" }],
  });
  await eventually(
    fake,
    async () => (await app.stores.transcripts.attachments(ticket.id)).length === 1,
    5000,
    "the attachment to be copied as it arrived",
  );
  // A day later Discord's signed link has expired.
  fake.advanceCdnClock(DAY_MS + 60_000);

  const answer = await closeTicket(g, { channel: channel.id, user: g.staff });
  assert.match(answer.text, /is closed/);
  const summary = summaryOf(fake, g, ticket.number);
  assert.ok(summary);
  assert.match(htmlOf(summary), /<img src="data:image\/png;base64,[^"]*" alt="parcel.png">/);
  fake.assertNoViolations();
});
