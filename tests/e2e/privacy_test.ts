/**
 * The privacy commands end to end, through the real bot and the fake Discord:
 * `/privacy erase` removes a member's words after the admin confirms, and
 * `/privacy mydata` sends a member their own words by DM, once a day.
 */
import assert from "node:assert/strict";
import type { FakeDiscord } from "../fake_discord/fake_discord.ts";
import type { TicketeerApp } from "../../src/app/start.ts";
import type { Ticket } from "../../src/core/model.ts";
import { startWorld } from "./boot.ts";
import {
  answerOf,
  botMessagesIn,
  buttonIds,
  command,
  eventually,
  guildWithTicket,
  press,
} from "./world.ts";

/** Waits until the live archive holds `count` messages of the ticket. */
function archived(fake: FakeDiscord, app: TicketeerApp, ticket: Ticket, count: number) {
  return eventually(
    fake,
    async () => (await app.stores.archive.messages(ticket.id)).length >= count,
    10_000,
    `the live archive to hold ${count} messages`,
  );
}

/** A ticket where its opener and the staff have each written one message. */
async function worldWithWords() {
  const world = await startWorld();
  try {
    const { fake, app } = world;
    const { g, opener, channel, ticket } = await guildWithTicket(world);
    fake.postMessage(channel, opener, "my card number is 4111 1111");
    fake.postMessage(channel, g.staff, "staff note: customer is a reseller");
    await archived(fake, app, ticket, fake.state.messagesIn(channel.id).length);
    return Object.assign(world, { g, opener, channel: channel.id, ticket });
  } catch (error) {
    await world[Symbol.asyncDispose]();
    throw error;
  }
}

Deno.test("/privacy erase removes the member's words once the admin confirms", async () => {
  await using world = await worldWithWords();
  const { fake, app, g, opener, ticket } = world;
  const archiveText = async () =>
    (await app.stores.archive.messages(ticket.id)).map((m) => m.payload).join("\n");

  const refused = await command(g, {
    user: opener,
    name: "privacy",
    subcommand: "erase",
    options: { user: { user: opener } },
  });
  assert.ok(refused.ephemeral);
  assert.match(refused.text, /Only members with Manage Server/);

  const question = await command(g, {
    user: g.owner,
    name: "privacy",
    subcommand: "erase",
    options: { user: { user: opener } },
  });
  assert.ok(question.ephemeral);
  const [confirm] = buttonIds(question.body);
  assert.ok(confirm && question.messageId, `a question with buttons: ${question.text}`);
  assert.match(await archiveText(), /4111 1111/, "nothing is erased before the confirmation");

  const done = await answerOf(press(g, {
    user: g.owner,
    channel: g.general,
    messageId: question.messageId,
    customId: confirm,
  }));
  assert.match(done.text, /1 message in 1 ticket/);
  const text = await archiveText();
  assert.doesNotMatch(text, /4111 1111/);
  assert.match(text, /customer is a reseller/, "the staff's words stay");
  const audit = (await app.stores.audit.recent(ticket.guildId, 50))
    .find((e) => e.action === "privacy.erase");
  assert.equal(audit?.actorId, g.owner);
  fake.assertNoViolations();
});

Deno.test("/privacy mydata sends the member's own words by DM, once a day", async () => {
  await using world = await worldWithWords();
  const { fake, g, opener } = world;
  const mydata = () => command(g, { user: opener, name: "privacy", subcommand: "mydata" });

  const sent = await mydata();
  assert.ok(sent.ephemeral);
  assert.match(sent.text, /sent you your data by direct message: 1 ticket .* 1 message/);
  const dm = fake.state.dmChannels.get(opener);
  assert.ok(dm, "the bot opened a DM with the member");
  const [copy] = botMessagesIn(fake, dm);
  const file = copy?.attachments[0];
  assert.ok(file, "the DM carries the file");
  assert.match(file.filename, /^ticketeer-data-\d+\.json$/);
  const json = new TextDecoder().decode(file.data);
  assert.match(json, /my card number is 4111 1111/);
  assert.doesNotMatch(json, /reseller/, "nobody else's words");

  const again = await mydata();
  assert.ok(again.ephemeral);
  assert.match(again.text, /once a day\. Try again <t:\d+:R>/);
  assert.equal(botMessagesIn(fake, dm).length, 1, "no second copy");
  fake.assertNoViolations();
});
