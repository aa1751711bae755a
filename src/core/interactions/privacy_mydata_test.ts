import assert from "node:assert/strict";
import { contentOf, refusalText, type TicketWorld } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput } from "../../../tests/fixtures/inputs.ts";
import { archiveWords, ticketWithWords, WORDS } from "../../../tests/fixtures/archived_words.ts";
import type { MemberRef } from "../interaction.ts";
import type { MessageBody } from "../message_body.ts";
import { MYDATA_WINDOW_MS } from "./privacy_mydata.ts";

/** `ticketWithWords`, and a ticket of bob's with his own words. */
async function worldWithWords() {
  const world = await ticketWithWords();
  const bobs = await world.openTicketAs(world.bob);
  await archiveWords(world.stores.archive, bobs, { author: world.bob, content: "bob's secret" });
  return world;
}

const mydata = (world: TicketWorld, member: MemberRef) =>
  world.run(commandInput({ name: "privacy", subcommand: "mydata", member }));

/** The bodies the bot sent by DM to `member`. */
function dmsTo(world: TicketWorld, member: MemberRef): MessageBody[] {
  return world.discord.callsOf("sendMessage")
    .filter((c) => world.discord.dmChannels.get(c.args[0] as never) === member.user.id)
    .map((c) => c.args[1] as MessageBody);
}

Deno.test("/privacy mydata sends the member's own tickets and messages by DM, nobody else's words", async () => {
  await using world = await worldWithWords();
  const feedback = world.stores.feedback;
  await feedback.ask(world.ticket.id, world.ticket.guildId, world.staff.user.id, new Date(1_000));
  await feedback.rate(world.ticket.id, 2, new Date(2_000));
  await feedback.comment(world.ticket.id, "alice's comment");
  const defers = world.ctx.defers.length;
  const reply = await mydata(world, world.alice);
  assert.deepEqual(world.ctx.defers.slice(defers), [{ ephemeral: true }]);
  assert.equal(reply.kind === "message" && reply.ephemeral, true);
  assert.equal(
    contentOf(reply),
    "I sent you your data by direct message: 1 ticket you opened and 1 message you wrote.",
  );
  const [dm] = dmsTo(world, world.alice);
  const file = dm?.files?.[0];
  assert.ok(file, "the DM carries a file");
  assert.equal(file.name, `ticketeer-data-${world.discord.guildId}.json`);
  const text = new TextDecoder().decode(file.data);
  const data = JSON.parse(text);
  assert.equal(data.user_id, world.alice.user.id);
  assert.deepEqual(data.tickets.map((t: { number: number }) => t.number), [world.ticket.number]);
  assert.equal(data.messages.length, 1);
  assert.equal(data.messages[0].payload.content, WORDS.aliceAnswers);
  assert.deepEqual(data.ratings, [{
    ticketId: world.ticket.id,
    rating: 2,
    comment: "alice's comment",
    ratedAt: new Date(2_000).toISOString(),
  }], "her rating and comment, without who handled the ticket");
  assert.ok(!text.includes(WORDS.staffAsks), "the staff's question she quoted is not in her copy");
  assert.ok(!text.includes(WORDS.staffThanks), "nor the staff's other words");
  assert.doesNotMatch(text, /staffer|bob/, "nor others' names");
});

Deno.test("/privacy mydata a second time within a day is refused with when to try again", async () => {
  await using world = await worldWithWords();
  await mydata(world, world.alice);
  const start = world.ctx.clock.now().getTime();
  world.ctx.setNow(new Date(start + MYDATA_WINDOW_MS - 60_000));
  const refused = refusalText(await mydata(world, world.alice), "rate_limited");
  const at = Math.ceil((start + MYDATA_WINDOW_MS) / 1000);
  assert.equal(
    refused,
    `You can ask for your data once a day. Try again <t:${at}:R> (<t:${at}:f>).`,
  );
  assert.equal(dmsTo(world, world.alice).length, 1, "no second copy");
  // Another member's limit is their own.
  assert.equal((await mydata(world, world.bob)).kind, "message");
  world.ctx.setNow(new Date(start + MYDATA_WINDOW_MS));
  assert.equal((await mydata(world, world.alice)).kind, "message");
  assert.equal(dmsTo(world, world.alice).length, 2);
});

Deno.test("/privacy mydata to closed DMs says what to do and does not use up the day", async () => {
  await using world = await worldWithWords();
  world.discord.dmClosed.add(world.alice.user.id);
  const refused = refusalText(await mydata(world, world.alice), "not_allowed");
  assert.match(refused, /Allow direct messages .* then run `\/privacy mydata` again/);
  world.discord.dmClosed.delete(world.alice.user.id);
  assert.equal((await mydata(world, world.alice)).kind, "message");
  assert.equal(dmsTo(world, world.alice).filter((b) => b.files?.length).length, 2);
});
