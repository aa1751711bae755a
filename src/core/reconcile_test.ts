import assert from "node:assert/strict";
import { CHANNEL_DELETED_REASON, reconcile } from "./reconcile.ts";
import type { ChannelId, GuildId, MessageId, RoleId, UserId } from "./ids.ts";
import { Permission } from "./permissions_bits.ts";
import type { Channel, Overwrite } from "./discord_port.ts";
import type { Ticket } from "./model.ts";
import { BOT_ID, RecordingDiscord } from "../../tests/fixtures/recording_discord.ts";
import { openTestStores, type TestStores } from "../../tests/fixtures/test_stores.ts";
import { type TestContext, testContext } from "../../tests/fixtures/test_context.ts";

const ALICE = "400000000000000501" as UserId;
const BOB = "400000000000000502" as UserId;
const START = new Date("2026-01-01T12:00:00Z");

interface World extends AsyncDisposable {
  stores: TestStores;
  discord: RecordingDiscord;
  ctx: TestContext;
  category: Channel;
  logChannel: Channel;
  /** Opens a ticket row for `opener` with a channel in `parent` (the ticket category by default). */
  openTicket(opener: UserId, parent?: ChannelId): Promise<Ticket>;
  /** A channel that looks like a ticket channel but has no row. */
  strayChannel(name: string, parent: ChannelId, member: UserId | null): Channel;
}

function memberOverwrite(id: UserId): Overwrite {
  return { id, type: "member", allow: Permission.ViewChannel, deny: 0n };
}

async function openWorld(): Promise<World> {
  let now = START;
  const clock = { now: () => new Date(now) };
  const store = await openTestStores({ clock });
  const discord = new RecordingDiscord();
  const ctx = testContext({ stores: store, discord, now: START });
  const setNow = ctx.setNow;
  ctx.setNow = (date) => {
    now = date;
    setNow(date);
  };
  discord.addMember({ id: ALICE, username: "alice" });
  discord.addMember({ id: BOB, username: "bob" });
  const category = discord.addChannel({ name: "Tickets", kind: "category" });
  const logChannel = discord.addChannel({ name: "ticket-logs", kind: "text" });
  const type = await store.types.defaultFor(discord.guildId);
  await store.types.update(type.id, { categoryId: category.id });
  await store.settings.updateGuild(discord.guildId, { logChannelId: logChannel.id });

  const strayChannel = (name: string, parent: ChannelId, member: UserId | null) =>
    discord.addChannel({
      name,
      kind: "text",
      parentId: parent,
      overwrites: [
        {
          id: discord.guildId as string as RoleId,
          type: "role",
          allow: 0n,
          deny: Permission.ViewChannel,
        },
        ...(member === null ? [] : [memberOverwrite(member)]),
        memberOverwrite(BOT_ID),
      ],
    });

  return {
    stores: store,
    discord,
    ctx,
    category,
    logChannel,
    async openTicket(opener, parent = category.id) {
      const result = await store.tickets.open({
        guildId: discord.guildId,
        typeId: type.id,
        openerId: opener,
        topic: null,
        answers: [],
      });
      assert.equal(result.kind, "opened");
      if (result.kind !== "opened") throw new Error("unreachable");
      const channel = strayChannel(`ticket-${result.ticket.number}`, parent, opener);
      return await store.tickets.setChannel(result.ticket.id, channel.id);
    },
    strayChannel,
    [Symbol.asyncDispose]: () => store.close(),
  };
}

async function auditActions(world: World): Promise<string[]> {
  const events = await world.stores.audit.recent(world.discord.guildId, 100);
  return events.map((event) => event.action).sort();
}

Deno.test("reconcile() closes an open ticket whose channel was deleted, from the live archive", async () => {
  await using world = await openWorld();
  const ticket = await world.openTicket(ALICE);
  await world.stores.archive.add({
    ticketId: ticket.id,
    messageId: "900000000000000001" as MessageId,
    authorId: ALICE,
    payload: JSON.stringify({
      id: "900000000000000001",
      content: "my printer is on fire",
      timestamp: START.toISOString(),
      author: { id: ALICE, username: "alice", global_name: null, avatar: null },
      embeds: [],
      attachments: [],
    }),
    createdAt: START,
  });
  world.discord.channels.delete(ticket.channelId!);

  const summary = await reconcile(world.ctx, { botUserId: BOT_ID });

  assert.deepEqual(summary.closedMissing, [ticket.id]);
  assert.deepEqual(summary.orphanChannels, []);
  assert.equal(summary.failures, 0);
  const closed = await world.stores.tickets.get(ticket.id);
  assert.equal(closed?.status, "closed");
  assert.equal(closed?.closeReason, CHANNEL_DELETED_REASON);
  assert.equal(closed?.closedBy, BOT_ID);
  const transcript = await world.stores.transcripts.get(ticket.id);
  assert.match(transcript?.text ?? "", /my printer is on fire/);
  assert.ok((await auditActions(world)).includes("ticket.reconcile_closed"));
  assert.equal(world.discord.messagesIn(world.logChannel.id).length, 1, "summary in the log");
});

Deno.test("reconcile() leaves open tickets whose channel exists alone", async () => {
  await using world = await openWorld();
  const ticket = await world.openTicket(ALICE);

  const summary = await reconcile(world.ctx, { botUserId: BOT_ID });

  assert.deepEqual(summary, {
    closedMissing: [],
    resumed: [],
    orphanChannels: [],
    discarded: [],
    failures: 0,
  });
  assert.equal((await world.stores.tickets.get(ticket.id))?.status, "open");
  assert.equal(world.discord.callsOf("deleteChannel").length, 0);
});

Deno.test("reconcile() checks a guild's open tickets with one listing of its channels", async () => {
  await using world = await openWorld();
  const tickets = [await world.openTicket(ALICE), await world.openTicket(BOB)];
  const gone = await world.openTicket("400000000000000503" as UserId);
  world.discord.channels.delete(gone.channelId!);

  const summary = await reconcile(world.ctx, { botUserId: BOT_ID });

  for (const ticket of tickets) {
    assert.equal((await world.stores.tickets.get(ticket.id))?.status, "open");
  }
  assert.deepEqual(summary.closedMissing, [gone.id]);
  // Only the channel missing from the listing is looked up on its own, to be sure.
  assert.deepEqual(world.discord.callsOf("channel").map((c) => c.args[0]), [gone.channelId]);
});

Deno.test("reconcile() resumes a close that was left in closing", async () => {
  await using world = await openWorld();
  const ticket = await world.openTicket(ALICE);
  world.discord.addMessage(ticket.channelId!, world.discord.members.get(ALICE)!.user, "hello?");
  assert.ok(await world.stores.tickets.beginClose(ticket.id, BOB, "solved"));

  const summary = await reconcile(world.ctx, { botUserId: BOT_ID });

  assert.deepEqual(summary.resumed, [ticket.id]);
  assert.deepEqual(summary.closedMissing, []);
  const closed = await world.stores.tickets.get(ticket.id);
  assert.equal(closed?.status, "closed");
  assert.equal(closed?.closedBy, BOB, "the person who asked stays the closer");
  assert.equal(closed?.closeReason, "solved");
  assert.equal(world.discord.channels.has(ticket.channelId!), false, "channel deleted");
  assert.match((await world.stores.transcripts.get(ticket.id))?.text ?? "", /hello\?/);
  assert.ok((await auditActions(world)).includes("ticket.reconcile_resumed"));
});

Deno.test("reconcile() reports an orphan ticket channel once and never deletes it", async () => {
  await using world = await openWorld();
  const stray = world.strayChannel("ticket-7", world.category.id, ALICE);

  const first = await reconcile(world.ctx, { botUserId: BOT_ID });
  const second = await reconcile(world.ctx, { botUserId: BOT_ID });

  assert.deepEqual(first.orphanChannels, [stray.id]);
  assert.deepEqual(second.orphanChannels, [stray.id]);
  assert.ok(world.discord.channels.has(stray.id), "the orphan channel is kept");
  assert.equal(world.discord.callsOf("deleteChannel").length, 0);
  const orphanEvents = (await world.stores.audit.recent(world.discord.guildId, 100))
    .filter((event) => event.action === "channel.orphan");
  assert.equal(orphanEvents.length, 1, "reported once, not on every pass");
  assert.equal(orphanEvents[0]?.detail.channelId, stray.id);
  const posted = world.discord.messagesIn(world.logChannel.id);
  assert.equal(posted.length, 1);
  assert.match(posted[0]?.body.content ?? "", new RegExp(`<#${stray.id}> looks like a ticket`));
  assert.ok(
    world.ctx.logs.some((log) => log.level === "warn" && /no ticket row/.test(log.message)),
  );
});

Deno.test("reconcile() counts only member-visible channels in ticket categories as orphans", async () => {
  await using world = await openWorld();
  const overflow = world.discord.addChannel({ name: "Tickets 2", kind: "category" });
  const elsewhere = world.discord.addChannel({ name: "Other", kind: "category" });
  const inOverflow = world.strayChannel("ticket-60", overflow.id, BOB);
  world.strayChannel("staff-notes", world.category.id, null);
  world.strayChannel("chat", elsewhere.id, ALICE);
  await world.openTicket(ALICE, overflow.id);

  const summary = await reconcile(world.ctx, { botUserId: BOT_ID });

  assert.deepEqual(summary.orphanChannels, [inOverflow.id]);
});

Deno.test("reconcile() goes on after one ticket fails", async () => {
  await using world = await openWorld();
  const unlucky = await world.openTicket(ALICE);
  const gone = await world.openTicket(BOB);
  world.discord.channels.delete(gone.channelId!);
  // Without a listing of the guild's channels, each ticket's channel is looked up.
  world.discord.failNext("guildChannels", { kind: "unavailable", status: 503 });
  world.discord.failNext("channel", { kind: "unavailable", status: 503 });

  const summary = await reconcile(world.ctx, { botUserId: BOT_ID });

  assert.equal(summary.failures, 1);
  assert.deepEqual(summary.closedMissing, [gone.id]);
  assert.equal((await world.stores.tickets.get(unlucky.id))?.status, "open");
  assert.equal((await world.stores.tickets.get(gone.id))?.status, "closed");
  assert.ok(
    world.ctx.logs.some((log) => log.level === "error" && /Cannot reconcile/.test(log.message)),
  );
});

Deno.test("reconcile() discards a reservation without a channel only after the grace period", async () => {
  await using world = await openWorld();
  const result = await world.stores.tickets.open({
    guildId: world.discord.guildId,
    typeId: (await world.stores.types.defaultFor(world.discord.guildId)).id,
    openerId: ALICE,
    topic: null,
    answers: [],
  });
  assert.equal(result.kind, "opened");
  if (result.kind !== "opened") return;

  const early = await reconcile(world.ctx, { botUserId: BOT_ID, graceMs: 60_000 });
  assert.deepEqual(early.discarded, []);
  assert.notEqual(await world.stores.tickets.get(result.ticket.id), null);

  world.ctx.setNow(new Date(START.getTime() + 61_000));
  const later = await reconcile(world.ctx, { botUserId: BOT_ID, graceMs: 60_000 });
  assert.deepEqual(later.discarded, [result.ticket.id]);
  assert.equal(await world.stores.tickets.get(result.ticket.id), null);
  // Alice may open again: the stale reservation no longer counts against her limit.
  assert.deepEqual(await world.stores.tickets.heldBy(world.discord.guildId, ALICE), []);
});

Deno.test("reconcile() touches only the guilds it is given", async () => {
  await using world = await openWorld();
  const ticket = await world.openTicket(ALICE);
  world.discord.channels.delete(ticket.channelId!);
  world.strayChannel("ticket-9", world.category.id, BOB);

  const summary = await reconcile(world.ctx, {
    botUserId: BOT_ID,
    guildIds: ["999999999999999999" as GuildId],
  });

  assert.deepEqual(summary.closedMissing, []);
  assert.deepEqual(summary.orphanChannels, []);
  assert.equal((await world.stores.tickets.get(ticket.id))?.status, "open");
});
