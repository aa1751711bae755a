import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import { BOT_ID } from "../../../tests/fixtures/recording_discord.ts";
import type { MemberRef } from "../interaction.ts";
import type { ChannelId } from "../ids.ts";
import { PARTICIPANT_ALLOW } from "../tickets/overwrites.ts";

const ticketCommand = (
  subcommand: "add" | "remove",
  member: MemberRef,
  target: MemberRef,
  channelId: ChannelId,
) =>
  commandInput({
    name: "ticket",
    subcommand,
    member,
    channelId,
    options: { user: opt.user(target.user) },
  });

Deno.test("staff add and remove a member: overwrite, membership, announcement", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;

  const added = await world.run(ticketCommand("add", world.staff, world.bob, channelId));
  assert.equal(added.kind === "message" && added.ephemeral, false, "announced in the channel");
  assert.match(contentOf(added), new RegExp(`added <@${world.bob.user.id}>`));
  assert.deepEqual(
    world.discord.channels.get(channelId)?.overwrites.find((o) => o.id === world.bob.user.id),
    { id: world.bob.user.id, type: "member", allow: PARTICIPANT_ALLOW, deny: 0n },
  );
  assert.deepEqual((await world.stores.tickets.members(ticket.id)).map((m) => m.userId), [
    world.bob.user.id,
  ]);
  refusalText(
    await world.run(ticketCommand("add", world.staff, world.bob, channelId)),
    "already_member",
  );
  refusalText(
    await world.run(ticketCommand("add", world.staff, world.alice, channelId)),
    "already_member",
  );

  const removed = await world.run(ticketCommand("remove", world.staff, world.bob, channelId));
  assert.match(contentOf(removed), /removed/);
  assert.equal(
    world.discord.channels.get(channelId)?.overwrites.some((o) => o.id === world.bob.user.id),
    false,
  );
  assert.deepEqual(await world.stores.tickets.members(ticket.id), []);
  const actions = (await world.stores.audit.recent(world.discord.guildId, 20)).map((e) => e.action);
  assert.ok(actions.includes("ticket.add") && actions.includes("ticket.remove"));
});

Deno.test("the opener may add members only when the type allows it; strangers never", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;
  const carol = world.newMember("carol");

  refusalText(
    await world.run(ticketCommand("add", world.alice, world.bob, channelId)),
    "not_allowed",
  );
  refusalText(await world.run(ticketCommand("add", carol, world.bob, channelId)), "not_allowed");
  await world.run(commandInput({
    name: "config",
    group: "set",
    subcommand: "openers_may_add",
    member: world.admin,
    options: { enabled: opt.boolean(true) },
  }));
  assert.equal(
    (await world.run(ticketCommand("add", world.alice, world.bob, channelId))).kind,
    "message",
  );
  refusalText(await world.run(ticketCommand("add", carol, world.bob, channelId)), "not_allowed");
  refusalText(await world.run(ticketCommand("remove", carol, world.bob, channelId)), "not_allowed");
  assert.equal(
    (await world.run(ticketCommand("remove", world.alice, world.bob, channelId))).kind,
    "message",
  );
});

Deno.test("removing the opener, a bot or a non-member is refused", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;
  refusalText(
    await world.run(ticketCommand("remove", world.staff, world.alice, channelId)),
    "cannot_remove",
  );
  const bot: MemberRef = {
    user: { id: BOT_ID, username: "ticketeer", globalName: null, avatar: null, bot: true },
    nick: null,
    roles: [],
    permissions: 0n,
  };
  refusalText(
    await world.run(ticketCommand("remove", world.staff, bot, channelId)),
    "cannot_remove",
  );
  refusalText(
    await world.run(ticketCommand("remove", world.staff, world.bob, channelId)),
    "not_member",
  );
  assert.equal(world.discord.callsOf("deleteOverwrite").length, 0);
});

Deno.test("adding someone who left the server is refused", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  world.discord.members.delete(world.bob.user.id);
  refusalText(
    await world.run(ticketCommand("add", world.staff, world.bob, ticket.channelId!)),
    "member_missing",
  );
});

Deno.test("every /ticket subcommand but new refuses outside a ticket channel", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const outside = world.discord.addChannel({ name: "general", kind: "text" }).id;
  const inputs = [
    ticketCommand("add", world.staff, world.bob, outside),
    ticketCommand("remove", world.staff, world.bob, outside),
    ...["claim", "unclaim", "close"].map((subcommand) =>
      commandInput({ name: "ticket", subcommand, member: world.staff, channelId: outside })
    ),
    commandInput({
      name: "ticket",
      subcommand: "assistant",
      member: world.staff,
      channelId: outside,
      options: { state: opt.string("off") },
    }),
  ];
  for (const input of inputs) refusalText(await world.run(input), "not_a_ticket");
});
