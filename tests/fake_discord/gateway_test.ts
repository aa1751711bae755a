import assert from "node:assert/strict";
import { startFakeDiscord } from "./fake_discord.ts";
import { identify, TestSocket } from "./test_socket.ts";

Deno.test("the gateway says HELLO, answers IDENTIFY with READY and GUILD_CREATE, and ACKs heartbeats", async () => {
  const fake = await startFakeDiscord({ heartbeatIntervalMs: 45_000 });
  const guild = fake.createGuild({ name: "g" });
  const client = await identify(fake);
  try {
    const ready = await client.next((p) => p.t === "READY");
    assert.equal(ready.s, 1);
    assert.equal(ready.d.user.id, fake.botUser.id);
    assert.deepEqual(ready.d.guilds, [{ id: guild.id, unavailable: true }]);
    assert.match(ready.d.resume_gateway_url, /^ws:\/\/127\.0\.0\.1:\d+\/gateway-resume$/);
    const created = await client.next((p) => p.t === "GUILD_CREATE");
    assert.equal(created.d.id, guild.id);
    client.send({ op: 1, d: 2 });
    await client.next((p) => p.op === 11);
    assert.equal(fake.gateway.identifyCount, 1);
    assert.equal(fake.gateway.heartbeatCount, 1);
    assert.deepEqual(fake.gateway.connectQueries, ["v=10&encoding=json"]);
  } finally {
    await client.close();
    await fake.close();
  }
});

Deno.test("IDENTIFY with a wrong token closes with 4004", async () => {
  const fake = await startFakeDiscord();
  const client = new TestSocket(fake.gatewayUrl);
  try {
    await client.opened;
    await client.next((p) => p.op === 10);
    client.send({ op: 2, d: { token: "Bot nope", intents: 0, properties: {}, shard: [0, 1] } });
    await client.closed;
    assert.equal(client.closeCode, 4004);
  } finally {
    await client.close();
    await fake.close();
  }
});

Deno.test("RESUME after a forced disconnect replays the dispatches missed, in order", async () => {
  const fake = await startFakeDiscord();
  const guild = fake.createGuild({ name: "g" });
  const channel = fake.createChannel(guild, { name: "general" });
  const user = fake.createMember(guild, { username: "alice" });
  const first = await identify(fake, [0, 1], 513 | (1 << 15));
  let second: TestSocket | null = null;
  try {
    const ready = await first.next((p) => p.t === "READY");
    fake.postMessage(channel, user, "before");
    const before = await first.next((p) => p.t === "MESSAGE_CREATE");
    fake.disconnect(0);
    await first.closed;
    assert.equal(first.closeCode, 4000);
    fake.postMessage(channel, user, "while away 1");
    fake.postMessage(channel, user, "while away 2");
    second = new TestSocket(ready.d.resume_gateway_url);
    await second.opened;
    await second.next((p) => p.op === 10);
    second.send({
      op: 6,
      d: { token: `Bot ${fake.token}`, session_id: ready.d.session_id, seq: before.s },
    });
    const resumed = await second.next((p) => p.t === "RESUMED");
    const replayed = second.packets.filter((p) => p.t === "MESSAGE_CREATE");
    assert.deepEqual(replayed.map((p) => p.d.content), ["while away 1", "while away 2"]);
    assert.ok(replayed.every((p) => (p.s ?? 0) < (resumed.s ?? 0)));
    assert.equal(fake.gateway.resumeCount, 1);
    assert.equal(fake.gateway.identifyCount, 1);
  } finally {
    await first.close();
    await second?.close();
    await fake.close();
  }
});

Deno.test("RESUME of an invalidated session gets INVALID_SESSION false", async () => {
  const fake = await startFakeDiscord();
  const first = await identify(fake);
  let second: TestSocket | null = null;
  try {
    const ready = await first.next((p) => p.t === "READY");
    fake.disconnect(0, { resumable: false });
    await first.closed;
    assert.equal(first.closeCode, 4009);
    second = new TestSocket(ready.d.resume_gateway_url);
    await second.opened;
    second.send({
      op: 6,
      d: { token: `Bot ${fake.token}`, session_id: ready.d.session_id, seq: 1 },
    });
    const invalid = await second.next((p) => p.op === 9);
    assert.equal(invalid.d, false);
    assert.equal(fake.gateway.resumeCount, 0);
  } finally {
    await first.close();
    await second?.close();
    await fake.close();
  }
});

Deno.test("message content is blank on the gateway without the MESSAGE_CONTENT intent", async () => {
  const fake = await startFakeDiscord();
  const guild = fake.createGuild({ name: "g" });
  const channel = fake.createChannel(guild, { name: "general" });
  const user = fake.createMember(guild, { username: "alice" });
  const client = await identify(fake, [0, 1], 513);
  try {
    await client.next((p) => p.t === "READY");
    fake.postMessage(channel, user, "secret");
    const message = await client.next((p) => p.t === "MESSAGE_CREATE");
    assert.equal(message.d.content, "");
    assert.equal(message.d.guild_id, guild.id);
    assert.deepEqual(message.d.member.roles, []);
  } finally {
    await client.close();
    await fake.close();
  }
});

Deno.test("events go to the shard that owns the guild", async () => {
  const fake = await startFakeDiscord({ shards: 2 });
  // Guild ids carry their creation time, so keep adding until both shards own one.
  const guilds = fake.seedGuilds(2, { channels: 2, roles: 1, members: 1 });
  for (let i = 0; i < 20 && new Set(guilds.map((g) => fake.gateway.shardOf(g.id))).size < 2; i++) {
    guilds.push(...fake.seedGuilds(1, { channels: 2, roles: 1, members: 1 }));
  }
  const zero = await identify(fake, [0, 2]);
  const one = await identify(fake, [1, 2]);
  try {
    const readyZero = await zero.next((p) => p.t === "READY");
    const readyOne = await one.next((p) => p.t === "READY");
    const expectZero = guilds.filter((g) => fake.gateway.shardOf(g.id) === 0).map((g) => g.id);
    const expectOne = guilds.filter((g) => fake.gateway.shardOf(g.id) === 1).map((g) => g.id);
    assert.ok(expectZero.length > 0 && expectOne.length > 0);
    assert.deepEqual(readyZero.d.guilds.map((g: { id: string }) => g.id), expectZero);
    assert.deepEqual(readyOne.d.guilds.map((g: { id: string }) => g.id), expectOne);
    const bot = await (await fetch(`${fake.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${fake.token}` },
    })).json();
    assert.equal(bot.shards, 2);
    assert.equal(bot.session_start_limit.max_concurrency, 1);
  } finally {
    await zero.close();
    await one.close();
    await fake.close();
  }
});

Deno.test("asking for Message Content without the approved intent closes with 4014", async () => {
  const fake = await startFakeDiscord({ messageContentIntent: false });
  const client = await identify(fake, [0, 1], 1 | (1 << 15));
  try {
    await client.closed;
    assert.equal(client.closeCode, 4014);
    assert.equal(fake.gateway.identifyCount, 0);
  } finally {
    await client.close();
    await fake.close();
  }
});

Deno.test("disallowMessageContent() closes a session that asked for it with 4014, and later identifies too", async () => {
  const fake = await startFakeDiscord();
  const client = await identify(fake, [0, 1], 1 | (1 << 15));
  const again = { client: null as Awaited<ReturnType<typeof identify>> | null };
  try {
    await client.next((p) => p.t === "READY");
    fake.gateway.disallowMessageContent();
    await client.closed;
    assert.equal(client.closeCode, 4014);
    again.client = await identify(fake, [0, 1], 1 | (1 << 15));
    await again.client.closed;
    assert.equal(again.client.closeCode, 4014);
    assert.equal(fake.gateway.identifyCount, 1);
  } finally {
    await client.close();
    await again.client?.close();
    await fake.close();
  }
});

Deno.test("more than 120 gateway sends in a minute close the connection with 4008", async () => {
  const fake = await startFakeDiscord();
  const client = await identify(fake);
  try {
    await client.next((p) => p.t === "READY");
    // IDENTIFY was send 1; 119 heartbeats make 120, all allowed and acknowledged.
    for (let i = 0; i < 119; i++) client.send({ op: 1, d: 1 });
    await client.next(() => client.packets.filter((p) => p.op === 11).length === 119);
    assert.equal(fake.violations.length, 0);
    client.send({ op: 1, d: 1 });
    await client.closed;
    assert.equal(client.closeCode, 4008);
    assert.equal(fake.violations[0]?.kind, "gateway");
  } finally {
    await client.close();
    await fake.close();
  }
});

Deno.test("seedGuilds() builds many guilds quickly and lists them in READY", async () => {
  const fake = await startFakeDiscord();
  const started = performance.now();
  fake.seedGuilds(200, { channels: 50, roles: 20, members: 100 });
  const seeded = performance.now() - started;
  assert.equal(fake.guildCount, 200);
  assert.ok(seeded < 5000, `seeding took ${seeded} ms`);
  const client = await identify(fake);
  try {
    const ready = await client.next((p) => p.t === "READY");
    assert.equal(ready.d.guilds.length, 200);
    const creates = await client.next((_p) =>
      client.packets.filter((q) => q.t === "GUILD_CREATE").length === 200
    );
    assert.ok(creates);
    const first = client.packets.find((p) => p.t === "GUILD_CREATE");
    assert.equal(first?.d.channels.length, 50);
    assert.equal(first?.d.roles.length, 22);
  } finally {
    await client.close();
    await fake.close();
  }
});

Deno.test("two sessions of the same shard both receive the shard's events, as on Discord", async () => {
  const fake = await startFakeDiscord();
  const guild = fake.createGuild({ name: "g" });
  const first = await identify(fake);
  const second = await identify(fake);
  try {
    await first.next((p) => p.t === "GUILD_CREATE");
    await second.next((p) => p.t === "GUILD_CREATE");
    fake.gateway.dispatchToGuild(guild.id, "TYPING_START", { guild_id: guild.id });
    assert.equal((await first.next((p) => p.t === "TYPING_START")).d.guild_id, guild.id);
    assert.equal((await second.next((p) => p.t === "TYPING_START")).d.guild_id, guild.id);
  } finally {
    await first.close();
    await second.close();
    await fake.close();
  }
});

Deno.test("GUILD_MEMBER_REMOVE reaches only sessions with the Server Members intent, which the portal must allow", async () => {
  const closedFake = await startFakeDiscord();
  const refused = await identify(closedFake, [0, 1], 513 | (1 << 1));
  try {
    await refused.closed;
    assert.equal(refused.closeCode, 4014, "the intent is off in the portal by default");
  } finally {
    await refused.close();
    await closedFake.close();
  }

  const fake = await startFakeDiscord({ serverMembersIntent: true });
  const guild = fake.createGuild({ name: "g" });
  const channel = fake.createChannel(guild, { name: "general" });
  const alice = fake.createMember(guild, { username: "alice" });
  const bob = fake.createMember(guild, { username: "bob" });
  const withIntent = await identify(fake, [0, 1], 513 | (1 << 1));
  try {
    await withIntent.next((p) => p.t === "GUILD_CREATE");
    fake.removeMember(guild, alice);
    const removed = await withIntent.next((p) => p.t === "GUILD_MEMBER_REMOVE");
    assert.deepEqual([removed.d.guild_id, removed.d.user.id], [guild.id, alice.id]);
  } finally {
    await withIntent.close();
  }
  const without = await identify(fake, [0, 1], 513);
  try {
    await without.next((p) => p.t === "GUILD_CREATE");
    fake.removeMember(guild, bob);
    fake.postMessage(channel, fake.botUser, "after");
    await without.next((p) => p.t === "MESSAGE_CREATE");
    assert.equal(without.packets.some((p) => p.t === "GUILD_MEMBER_REMOVE"), false);
    assert.throws(() => fake.removeMember(guild, bob), RangeError);
  } finally {
    await without.close();
    await fake.close();
  }
});
