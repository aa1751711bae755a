/**
 * What one open costs and in what order it happens: the channel and the welcome
 * message are the only requests from Discord's global budget (besides the log
 * post), the guild's channels are not listed, and the member's link comes first.
 */
import assert from "node:assert/strict";
import type { CallRecord } from "../fake_discord/types.ts";
import {
  answerOf,
  botMessagesIn,
  lifecycleTest,
  linkedChannel,
  newMember,
  openLogEntry,
  pressPanel,
  startTicketDesk,
  welcomeIn,
} from "./world.ts";

/** Interaction callbacks and webhook edits are exempt from the global budget. */
const exempt = (call: CallRecord) =>
  call.route.startsWith("/interactions/") || call.route.startsWith("/webhooks/");

lifecycleTest(
  "an open costs one channel and one welcome request, and lists no channels",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, panel, setup } = world;
    // Warm: the bot user is fetched once per process.
    const warm = await openAs(world, "warm");
    await welcomeIn(fake, warm.id);
    await openLogEntry(fake, setup.logChannel.id, warm.id);
    const before = fake.calls.length;
    const channel = await openAs(world, "alice");
    await welcomeIn(fake, channel.id);
    await openLogEntry(fake, setup.logChannel.id, channel.id);
    const spent = fake.calls.slice(before).filter((c) => !exempt(c));
    const routes = spent.map((c) => `${c.method} ${c.path}`);
    assert.deepEqual(
      routes.filter((r) => !r.endsWith(`/channels/${setup.logChannel.id}/messages`)),
      [`POST /guilds/${world.guild}/channels`, `POST /channels/${channel.id}/messages`],
      routes.join("\n"),
    );
    assert.ok(routes.length <= 3, routes.join("\n"));
    assert.ok(panel);

    async function openAs(place: typeof world, name: string) {
      return linkedChannel(place, await answerOf(pressPanel(place, panel, newMember(place, name))));
    }
  },
);

lifecycleTest(
  "the member's link is sent before the welcome message and the log post",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, panel, setup } = world;
    const handle = pressPanel(world, panel, newMember(world, "alice"));
    const channel = linkedChannel(world, await answerOf(handle));
    await welcomeIn(fake, channel.id);
    await openLogEntry(fake, setup.logChannel.id, channel.id);
    const index = (test: (c: CallRecord) => boolean) => fake.calls.findIndex(test);
    const link = index((c) =>
      c.method === "PATCH" && c.route.startsWith("/webhooks/") &&
      JSON.stringify(c.body).includes(`<#${channel.id}>`)
    );
    const welcome = index((c) =>
      c.method === "POST" && c.path === `/channels/${channel.id}/messages`
    );
    const log = index((c) =>
      c.method === "POST" && c.path === `/channels/${setup.logChannel.id}/messages` &&
      JSON.stringify(c.body).includes(`<#${channel.id}>`)
    );
    assert.ok(link >= 0 && welcome >= 0 && log >= 0, `${link} ${welcome} ${log}`);
    assert.ok(link < welcome, "the link comes before the welcome message");
    assert.ok(link < log, "the link comes before the log post");
  },
);

lifecycleTest(
  "once the category is full, opens go straight to the overflow category",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, panel, setup } = world;
    for (let i = 0; i < 50; i++) {
      fake.createChannel(world.guild, { name: `old-${i}`, parent: setup.category.id });
    }
    const open = async (name: string) => {
      const channel = linkedChannel(
        world,
        await answerOf(pressPanel(world, panel, newMember(world, name))),
      );
      await welcomeIn(fake, channel.id);
      await openLogEntry(fake, setup.logChannel.id, channel.id);
      return channel;
    };
    const first = await open("alice");
    const overflow = fake.state.channels.get(first.parent_id ?? "");
    assert.equal(overflow?.name, "Tickets 2");
    const before = fake.calls.length;
    const second = await open("bob");
    assert.equal(second.parent_id, overflow?.id);
    const creates = fake.calls.slice(before).filter((c) => c.route === "/guilds/:id/channels");
    assert.deepEqual(creates.map((c) => `${c.method} ${c.status}`), ["POST 201"]);
    fake.assertNoViolations();
  },
);

lifecycleTest(
  "a burst of opens is logged in fewer messages, every open listed once",
  async (dialect) => {
    await using world = await startTicketDesk(dialect);
    const { fake, panel, setup } = world;
    const members = Array.from({ length: 20 }, (_, i) => newMember(world, `member${i}`));
    const before = botMessagesIn(fake, setup.logChannel.id).length;
    const channels = await Promise.all(
      members.map(async (member) =>
        linkedChannel(world, await answerOf(pressPanel(world, panel, member)))
      ),
    );
    for (const channel of channels) await openLogEntry(fake, setup.logChannel.id, channel.id);
    const posts = botMessagesIn(fake, setup.logChannel.id).slice(before);
    const lines = posts.flatMap((m) => m.content.split("\n")).filter((l) => /opened by/.test(l));
    assert.equal(lines.length, 20, "every open is logged once");
    for (const channel of channels) {
      assert.equal(lines.filter((l) => l.includes(`<#${channel.id}>`)).length, 1);
    }
    assert.ok(posts.length < 20, `${posts.length} log messages for 20 opens`);
    assert.ok(posts.every((m) => m.content.length <= 2000));
    fake.assertNoViolations();
  },
);
