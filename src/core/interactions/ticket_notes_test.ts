import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef } from "../interaction.ts";
import type { ChannelId } from "../ids.ts";
import { Permission } from "../permissions_bits.ts";

const THREAD_BITS = Permission.CreatePrivateThreads | Permission.SendMessagesInThreads |
  Permission.ManageThreads;

const notes = (member: MemberRef, channelId: ChannelId, text?: string) =>
  commandInput({
    name: "ticket",
    subcommand: "notes",
    member,
    channelId,
    ...(text === undefined ? {} : { options: { text: opt.string(text) } }),
  });

Deno.test("/ticket notes is refused to the opener and other members, and changes nothing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  world.discord.botPermissions |= THREAD_BITS;
  const ticket = await world.openTicketAs(world.alice);
  for (const member of [world.alice, world.bob]) {
    const text = refusalText(await world.run(notes(member, ticket.channelId!, "x")), "not_staff");
    assert.match(text, /Only staff/);
  }
  assert.equal(world.discord.callsOf("createPrivateThread").length, 0);
  assert.deepEqual(await world.stores.notes.list(ticket.id), []);
  assert.equal((await world.stores.tickets.get(ticket.id))?.notesThreadId ?? null, null);
});

Deno.test("/ticket notes names the thread permissions the bot lacks", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const text = refusalText(
    await world.run(notes(world.staff, ticket.channelId!)),
    "bot_missing_permissions",
  );
  assert.match(text, /Create Private Threads/);
  assert.match(text, /Manage Threads/);
  assert.equal(world.discord.callsOf("createPrivateThread").length, 0);
});

Deno.test("/ticket notes opens one staff thread without the opener, then links it", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  world.discord.botPermissions |= THREAD_BITS;
  const ticket = await world.openTicketAs(world.alice);
  const opened = contentOf(await world.run(notes(world.staff, ticket.channelId!)));
  const thread = /<#(\d+)>/.exec(opened)?.[1] as ChannelId;
  assert.ok(thread, opened);
  assert.equal(world.discord.channels.get(thread)?.parentId, ticket.channelId);
  const members = world.discord.threadMembers.get(thread);
  assert.ok(members?.has(world.staff.user.id));
  assert.ok(!members?.has(world.alice.user.id), "the opener is never added");
  const welcome = world.discord.messagesIn(thread)[0];
  assert.deepEqual(welcome?.body.allowed_mentions, { parse: [] }, "nobody is mentioned there");

  const linked = contentOf(await world.run(notes(world.admin, ticket.channelId!, "Escalated")));
  assert.match(linked, new RegExp(`<#${thread}>`));
  assert.match(linked, /Note kept/);
  assert.equal(world.discord.callsOf("createPrivateThread").length, 1);
  assert.ok(world.discord.threadMembers.get(thread)?.has(world.admin.user.id));
  const kept = await world.stores.notes.list(ticket.id);
  assert.equal(kept.length, 1);
  assert.equal(JSON.parse(kept[0]!.payload).content, "Escalated");
  // Run inside the staff thread, it finds its ticket.
  assert.match(contentOf(await world.run(notes(world.staff, thread))), new RegExp(`<#${thread}>`));
});
