/**
 * A ticket's timers end to end, through the real bot and the fake Discord: an
 * auto close that warns, survives a restart and closes; a close request the
 * opener accepts (and another member cannot); an opener who leaves the server.
 */
import assert from "node:assert/strict";
import type { FakeDiscord, FakeMessage } from "../fake_discord/fake_discord.ts";
import type { TicketeerApp } from "../../src/app/start.ts";
import type { Ticket } from "../../src/core/model.ts";
import type { Clock } from "../../src/core/ports.ts";
import { startWorld } from "./boot.ts";
import {
  answerOf,
  botMessagesIn,
  buttonIds,
  command,
  eventually,
  guildWithTicket,
  lifecycleTest,
  press,
  type TicketGuild,
} from "./world.ts";

const HOUR = 3_600_000;

/** A clock the test moves. */
function testClock(start = new Date("2026-03-02T09:00:00Z")): Clock & { advance(h: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(hours) {
      now += hours * HOUR;
    },
  };
}

function summaryOf(fake: FakeDiscord, g: TicketGuild, number: number): FakeMessage | undefined {
  return botMessagesIn(fake, g.logs).find((m) =>
    JSON.stringify(m.embeds).includes(`Ticket #${number} closed`)
  );
}

/** Waits until the bot has recorded a message of `who` in the ticket. */
async function recorded(
  fake: FakeDiscord,
  app: TicketeerApp,
  ticket: Ticket,
  who: "opener" | "staff",
) {
  await eventually(
    fake,
    async () => {
      const timings = await app.stores.timers.timings(ticket.id);
      return who === "staff" ? timings?.lastStaffMessageAt : timings?.lastOpenerMessageAt;
    },
    5000,
    `the ${who}'s message to be recorded`,
  );
}

lifecycleTest(
  "auto close warns the opener once, survives a restart, then closes with reason no reply",
  async (dialect) => {
    const clock = testClock();
    await using world = await startWorld({ dialect, start: { clock } });
    const { fake } = world;
    const { g, opener, channel, ticket } = await guildWithTicket(world);
    const set = await command(g, {
      user: g.owner,
      name: "type",
      subcommand: "set",
      options: { setting: "auto_close", type: "Support", value: "24 12" },
    });
    assert.match(set.text, /auto_close/);

    fake.postMessage(channel, opener, "my order never arrived");
    await recorded(fake, world.app, ticket, "opener");
    fake.postMessage(channel, g.staff, "a new one is on its way; tell us when it arrives");
    await recorded(fake, world.app, ticket, "staff");
    assert.equal((await world.app.stores.tickets.get(ticket.id))?.waitingFor, "member");

    const warnings = () =>
      botMessagesIn(fake, channel.id).filter((m) => /closes by itself/.test(m.content));
    clock.advance(23);
    await world.app.runTimers();
    assert.equal(warnings().length, 0);
    clock.advance(1);
    assert.equal((await world.app.runTimers())?.warned, 1);
    const [warning] = warnings();
    assert.ok(warning, "the warning is posted in the ticket");
    assert.match(warning.content, new RegExp(`^<@${opener}>`));
    assert.match(warning.content, /12 hours/);

    await world.restart();
    clock.advance(6);
    await world.app.runTimers();
    assert.equal(warnings().length, 1, "one warning, even after the restart");
    assert.equal((await world.app.stores.tickets.get(ticket.id))?.status, "open");
    clock.advance(6);
    assert.equal((await world.app.runTimers())?.autoClosed, 1);
    const summary = await fake.waitFor(() => summaryOf(fake, g, ticket.number), 5000, "summary");
    assert.match(JSON.stringify(summary.embeds), /no reply/);
    assert.equal(fake.state.channels.has(channel.id), false, "the channel is gone");
    const warningPosts = fake.calls.filter((c) =>
      c.method === "POST" && c.path === `/channels/${channel.id}/messages` &&
      JSON.stringify(c.body).includes("closes by itself")
    );
    assert.equal(warningPosts.length, 1, "one warning was ever sent");
    fake.assertNoViolations();
  },
);

Deno.test("a close request is refused to another member and accepted by the opener", async () => {
  await using world = await startWorld({});
  const { fake, app } = world;
  const { g, opener, channel, ticket } = await guildWithTicket(world, 2);
  const other = g.members[1]!;
  await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "add",
    channel: channel.id,
    options: { user: other },
  });
  const asked = await command(g, {
    user: g.staff,
    name: "ticket",
    subcommand: "close-request",
    channel: channel.id,
    options: { reason: "Replacement delivered" },
  });
  assert.equal(asked.ephemeral, false, "everyone in the ticket sees the request");
  assert.match(asked.text, new RegExp(`^<@${opener}> <@${g.staff}>`));
  assert.ok(asked.messageId);
  const [accept] = buttonIds(asked.body);
  assert.ok(accept);

  const refused = await answerOf(press(g, {
    user: other,
    channel: channel.id,
    messageId: asked.messageId,
    customId: accept,
  }));
  assert.equal(refused.ephemeral, true);
  assert.match(refused.text, /Only the person who opened this ticket/);
  assert.equal((await app.stores.tickets.get(ticket.id))?.status, "open");

  const accepted = await answerOf(
    press(g, { user: opener, channel: channel.id, messageId: asked.messageId, customId: accept }),
    15_000,
  );
  assert.match(accepted.text, /is closed/);
  const summary = await fake.waitFor(() => summaryOf(fake, g, ticket.number), 5000, "summary");
  assert.match(JSON.stringify(summary.embeds), /Replacement delivered/);
  assert.equal(fake.state.channels.has(channel.id), false);
  fake.assertNoViolations();
});

Deno.test("an opener who leaves closes their ticket through GUILD_MEMBER_REMOVE with the intent on", async () => {
  await using world = await startWorld({
    fake: { serverMembersIntent: true },
    serverMembersIntent: true,
  });
  const { fake } = world;
  assert.notEqual(fake.gateway.intents(0) & (1 << 1), 0, "the bot asked for Server Members");
  const { g, opener, ticket } = await guildWithTicket(world);
  fake.removeMember(g.guild, opener);
  const summary = await fake.waitFor(() => summaryOf(fake, g, ticket.number), 10_000, "summary");
  assert.match(JSON.stringify(summary.embeds), /opener left/);
  fake.assertNoViolations();
});

Deno.test("without the intent, the timers' lookups find an opener who left and close the ticket", async () => {
  const clock = testClock(new Date());
  await using world = await startWorld({ start: { clock } });
  const { fake, app } = world;
  assert.equal(fake.gateway.intents(0) & (1 << 1), 0, "no privileged intent asked for");
  const { g, opener, ticket } = await guildWithTicket(world, 2);
  const stays = await guildWithTicket(world);
  fake.removeMember(g.guild, opener);
  assert.equal((await app.runTimers())?.openersLeft, 0, "a new ticket is not looked up yet");
  clock.advance(6);
  assert.equal((await app.runTimers())?.openersLeft, 1);
  await fake.waitFor(() => summaryOf(fake, g, ticket.number), 10_000, "summary");
  assert.equal((await app.stores.tickets.get(ticket.id))?.closeReason, "opener left");
  assert.equal((await app.stores.tickets.get(stays.ticket.id))?.status, "open");
  const lookups = () => fake.calls.filter((c) => c.route === "/guilds/:id/members/:id").length;
  const looked = lookups();
  assert.ok(looked >= 2, "both openers were looked up");
  assert.equal((await app.runTimers())?.openersLeft, 0);
  assert.equal(lookups(), looked, "looked up once per interval");
  fake.assertNoViolations();
});
