import assert from "node:assert/strict";
import {
  contentOf,
  openTicketWorld,
  refusalText,
  type TicketWorld,
} from "../../../tests/fixtures/ticket_world.ts";
import {
  commandInput,
  componentInput,
  modalInput,
  opt,
  TEST_CHANNEL_ID,
} from "../../../tests/fixtures/inputs.ts";
import { BOT_ID, BOT_PERMISSIONS } from "../../../tests/fixtures/recording_discord.ts";
import type { MemberRef } from "../interaction.ts";
import type { Reply } from "../reply.ts";
import type { TransactionStores } from "../ports.ts";
import { Permission } from "../permissions_bits.ts";
import { encodeCustomId } from "../custom_id.ts";
import { BOT_ALLOW, PARTICIPANT_ALLOW } from "./overwrites.ts";
import { MAX_ANSWER_LENGTH, openForm } from "./open_form.ts";
import type { TicketType } from "../model.ts";
import { shortQuestion } from "../types/short_question.ts";

async function postPanel(world: TicketWorld): Promise<string> {
  world.discord.channels.set(TEST_CHANNEL_ID, {
    id: TEST_CHANNEL_ID,
    guildId: world.discord.guildId,
    name: "support",
    kind: "text",
    parentId: null,
    position: 0,
    overwrites: [],
    topic: null,
  });
  await world.setUp();
  await world.run(commandInput({ name: "panel", member: world.admin }));
  const panel = world.discord.messagesIn(TEST_CHANNEL_ID).at(-1);
  const button = panel?.body.components?.[0]?.components[0];
  assert.ok(button && "custom_id" in button);
  return button.custom_id;
}

const press = (world: TicketWorld, customId: string, member: MemberRef) =>
  world.run(componentInput({ customId, member }));

function channelOf(reply: Reply): string {
  const match = /<#(\d+)>/.exec(contentOf(reply));
  assert.ok(match, `no channel link in ${JSON.stringify(reply)}`);
  return match[1]!;
}

Deno.test("panel button opens a private channel with exact overwrites and a welcome message", async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  assert.equal(customId, `t1:open:${type.id}`);
  world.ctx.defers.length = 0;

  const reply = await press(world, customId, world.alice);
  assert.equal(reply.kind, "message");
  assert.equal(reply.kind === "message" && reply.ephemeral, true);
  assert.deepEqual(world.ctx.defers, [{ ephemeral: true }], "deferred before working");
  const channel = world.discord.channels.get(channelOf(reply) as never);
  assert.ok(channel);
  assert.equal(channel.name, "ticket-1");
  assert.equal(channel.parentId, type.categoryId);
  assert.deepEqual(channel.overwrites, [
    { id: world.discord.guildId, type: "role", allow: 0n, deny: Permission.ViewChannel },
    { id: world.alice.user.id, type: "member", allow: PARTICIPANT_ALLOW, deny: 0n },
    { id: world.staffRole.id, type: "role", allow: PARTICIPANT_ALLOW, deny: 0n },
    { id: BOT_ID, type: "member", allow: BOT_ALLOW & ~Permission.ManageRoles, deny: 0n },
  ]);

  const welcome = world.discord.messagesIn(channel.id)[0];
  assert.ok(welcome);
  assert.match(welcome.body.content ?? "", new RegExp(`<@${world.alice.user.id}>`));
  assert.match(welcome.body.content ?? "", new RegExp(`<@&${world.staffRole.id}>`));
  assert.deepEqual(welcome.body.allowed_mentions, {
    parse: [],
    users: [world.alice.user.id],
    roles: [world.staffRole.id],
  });
  const ticket = await world.stores.tickets.byChannel(channel.id);
  assert.ok(ticket);
  assert.deepEqual(
    welcome.body.components?.[0]?.components.map((c) => "custom_id" in c ? c.custom_id : ""),
    [encodeCustomId({ action: "close", ticketId: ticket.id }), `t1:claim:${ticket.id}`],
  );
  const audit = await world.stores.audit.recent(world.discord.guildId, 20);
  assert.ok(audit.some((e) => e.action === "ticket.open" && e.ticketId === ticket.id));
  const logChannel = (await world.stores.settings.guild(world.discord.guildId)).logChannelId;
  assert.ok(logChannel);
  assert.match(world.discord.messagesIn(logChannel).at(-1)?.body.content ?? "", /Ticket #1 opened/);
});

Deno.test("a second open by the same member points at the existing ticket", async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  const first = channelOf(await press(world, customId, world.alice));
  const text = refusalText(await press(world, customId, world.alice), "ticket_limit");
  assert.match(text, new RegExp(`<#${first}>`));
  const viaCommand = await world.run(
    commandInput({ name: "ticket", subcommand: "new", member: world.alice }),
  );
  assert.match(refusalText(viaCommand, "ticket_limit"), new RegExp(`<#${first}>`));
  assert.equal(
    (await world.stores.tickets.heldBy(world.discord.guildId, world.alice.user.id)).length,
    1,
  );
});

Deno.test("20 concurrent opens by one member make exactly one ticket", async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  const before = world.discord.channels.size;
  const replies = await Promise.all(
    Array.from({ length: 20 }, () => press(world, customId, world.alice)),
  );
  assert.equal(replies.filter((r) => r.kind === "message").length, 1);
  assert.equal(replies.filter((r) => r.kind === "refused" && r.code === "ticket_limit").length, 19);
  assert.equal(world.discord.channels.size, before + 1);
});

Deno.test('60 members get 60 distinct channels, overflowing into "Tickets 2"', async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  const names = new Set<string>();
  for (let i = 0; i < 60; i++) {
    const reply = await press(world, customId, world.newMember(`member${i}`));
    const channel = world.discord.channels.get(channelOf(reply) as never);
    assert.ok(channel);
    names.add(channel.name);
  }
  assert.equal(names.size, 60);
  const main = world.discord.channelNamed("Tickets");
  const overflow = world.discord.channelNamed("Tickets 2");
  assert.ok(main && overflow);
  assert.equal(overflow.kind, "category");
  assert.equal(world.discord.childrenOf(main.id).length, 50);
  assert.equal(world.discord.childrenOf(overflow.id).length, 10);
  assert.deepEqual(
    overflow.overwrites.map((o) => o.id),
    [world.discord.guildId, world.staffRole.id, BOT_ID],
    "the overflow category is staff-only",
  );
  assert.equal(
    world.discord.callsOf("createChannel").filter((c) =>
      (c.args[1] as { kind: string }).kind === "category"
    ).length,
    2,
  );
});

Deno.test("a category_full answer moves the ticket to an overflow category", async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  world.discord.failNext("createChannel", { kind: "category_full" });
  const reply = await press(world, customId, world.alice);
  const channel = world.discord.channels.get(channelOf(reply) as never);
  assert.equal(channel?.parentId, world.discord.channelNamed("Tickets 2")?.id);
});

Deno.test("the guild channel limit is refused plainly and the ticket discarded", async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  world.discord.failNext("createChannel", { kind: "guild_channel_limit" });
  refusalText(await press(world, customId, world.alice), "guild_channel_limit");
  assert.deepEqual(
    await world.stores.tickets.heldBy(world.discord.guildId, world.alice.user.id),
    [],
  );
  const reply = await press(world, customId, world.alice);
  assert.equal(
    world.discord.channels.get(channelOf(reply) as never)?.name,
    "ticket-2",
    "number 1 stays used",
  );
});

/**
 * Presses the panel's button as alice while `patch` swaps stores inside the open's
 * transaction (one failing store); asserts the channel went again and no ticket stays.
 */
async function openWithFailingStore(
  world: TicketWorld,
  patch: (tx: TransactionStores) => Partial<TransactionStores>,
): Promise<void> {
  const customId = await postPanel(world);
  const real = world.stores;
  world.ctx.atomically = (work) => real.atomically((tx) => work({ ...tx, ...patch(tx) }));
  const before = world.discord.channels.size;
  const reply = await press(world, customId, world.alice);
  assert.match(refusalText(reply, "discord_unavailable"), /removed the channel/);
  assert.equal(world.discord.callsOf("deleteChannel").length, 1);
  assert.equal(world.discord.channels.size, before);
  assert.deepEqual(await real.tickets.heldBy(world.discord.guildId, world.alice.user.id), []);
}

Deno.test("a channel whose ticket cannot be saved is deleted again", async () => {
  await using world = await openTicketWorld();
  await openWithFailingStore(world, (tx) => ({
    tickets: { ...tx.tickets, setChannel: () => Promise.reject(new Error("disk full")) },
  }));
  assert.ok(world.ctx.logs.some((l) => l.level === "error"));
});

Deno.test("a failing audit write rolls the open back and removes the channel", async () => {
  await using world = await openTicketWorld();
  await openWithFailingStore(world, (tx) => ({
    audit: { ...tx.audit, record: () => Promise.reject(new Error("audit table full")) },
  }));
  const real = world.stores;
  const opens = (await real.audit.recent(world.discord.guildId, 50))
    .filter((event) => event.action === "ticket.open");
  assert.deepEqual(opens, []);
});

Deno.test("overwrites are masked to the bot's own permissions", async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  const held = BOT_PERMISSIONS & ~Permission.AttachFiles & ~Permission.EmbedLinks;
  world.discord.botPermissions = held;
  const reply = await world.run(
    componentInput({ customId, member: world.alice, appPermissions: held }),
  );
  const channel = world.discord.channels.get(channelOf(reply) as never);
  assert.ok(channel);
  for (const overwrite of channel.overwrites) {
    assert.equal((overwrite.allow | overwrite.deny) & ~held, 0n);
  }
  assert.equal(
    channel.overwrites.find((o) => o.id === world.alice.user.id)?.allow,
    Permission.ViewChannel | Permission.SendMessages | Permission.ReadMessageHistory,
  );
});

Deno.test("a configured question is asked in a modal and its answer becomes the topic", async () => {
  await using world = await openTicketWorld();
  const customId = await postPanel(world);
  await world.run(commandInput({
    name: "config",
    group: "set",
    subcommand: "question",
    member: world.admin,
    options: { text: opt.string("What is your order number?") },
  }));
  world.ctx.defers.length = 0;
  const reply = await press(world, customId, world.alice);
  assert.equal(reply.kind, "modal");
  assert.deepEqual(world.ctx.defers, [], "never deferred before a modal");
  const modal = reply.kind === "modal" ? reply.modal : null;
  assert.equal(modal?.components[0]?.label, "What is your order number?");

  const opened = await world.run(modalInput({
    customId: modal!.custom_id,
    member: world.alice,
    fields: { q0: "  A-1234  " },
  }));
  const ticket = await world.stores.tickets.byChannel(channelOf(opened) as never);
  assert.equal(ticket?.topic, "A-1234");
  assert.deepEqual(ticket?.answers, [{ question: "What is your order number?", answer: "A-1234" }]);
  const welcome = world.discord.messagesIn(ticket!.channelId!)[0];
  assert.equal(welcome?.body.embeds?.[0]?.fields?.[0]?.value, "A-1234");
});

Deno.test("/ticket new opens with its topic, and refuses before /setup", async () => {
  await using world = await openTicketWorld();
  refusalText(
    await world.run(commandInput({ name: "ticket", subcommand: "new", member: world.alice })),
    "not_configured",
  );
  await world.setUp();
  const reply = await world.run(commandInput({
    name: "ticket",
    subcommand: "new",
    member: world.alice,
    options: { topic: opt.string("Refund please") },
  }));
  const ticket = await world.stores.tickets.byChannel(channelOf(reply) as never);
  assert.equal(ticket?.topic, "Refund please");
  assert.equal(
    world.discord.messagesIn(ticket!.channelId!)[0]?.body.embeds?.[0]?.description,
    "Refund please",
  );
});

Deno.test("a panel of another guild's ticket type is a stale button", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  refusalText(await press(world, "t1:open:999", world.alice), "unknown_component");
});

Deno.test("openForm() wraps each question's text input in a Label, not a deprecated action row", () => {
  const form = openForm(
    { id: 7, questions: [shortQuestion("What is your order number?")] } as TicketType,
  );
  assert.deepEqual(form.components, [{
    type: 18,
    label: "What is your order number?",
    component: {
      type: 4,
      custom_id: "q0",
      style: 1,
      required: true,
      max_length: MAX_ANSWER_LENGTH,
    },
  }]);
});

Deno.test("support hours that warn open the ticket and say when staff are back", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  // The test clock is Thursday 2026-01-01 12:00 UTC: staff are back on Saturday.
  await world.stores.types.update(type.id, {
    supportHours: { schedule: "Sat-Sun 09:00-17:00 UTC", policy: "warn" },
  });
  const reply = await world.run(commandInput({
    name: "ticket",
    subcommand: "new",
    member: world.alice,
    options: { topic: opt.string("Refund please") },
  }));
  const text = contentOf(reply);
  assert.match(
    text,
    /^Your ticket is open: <#\d+>\nStaff are away right now; they are back <t:\d+:R>/,
  );
  const backAt = Number(/<t:(\d+):R>/.exec(text)?.[1]) * 1000;
  assert.equal(new Date(backAt).toISOString(), "2026-01-03T09:00:00.000Z");
});

Deno.test("support hours that block refuse the open before anything is reserved", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  await world.stores.types.update(type.id, {
    supportHours: { schedule: "Sat-Sun 09:00-17:00 UTC", policy: "block" },
  });
  const reply = await world.run(commandInput({
    name: "ticket",
    subcommand: "new",
    member: world.alice,
    options: { topic: opt.string("Refund please") },
  }));
  assert.match(refusalText(reply, "outside_hours"), /can be opened again <t:\d+:R>/);
  assert.deepEqual(
    await world.stores.tickets.heldBy(world.discord.guildId, world.alice.user.id),
    [],
  );
});
