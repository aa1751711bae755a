import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, componentInput, opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef } from "../interaction.ts";
import type { TicketId } from "../model.ts";

const reopen = (member: MemberRef, number: number) =>
  commandInput({
    name: "ticket",
    subcommand: "reopen",
    member,
    options: { number: opt.integer(number) },
  });

Deno.test("/ticket reopen refuses a closing ticket, one without a transcript and a thread type without its parent, changing nothing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const created = () => world.discord.calls.filter((c) => c.method === "createChannel").length;
  const before = created();

  await world.stores.tickets.beginClose(ticket.id, world.staff.user.id, null);
  assert.match(refusalText(await world.run(reopen(world.staff, 1)), "busy"), /still being closed/);
  await world.stores.tickets.finishClose(ticket.id, new Date());
  assert.match(
    refusalText(await world.run(reopen(world.staff, 1)), "ticket_expired"),
    /transcript is no longer stored/,
  );
  await world.stores.transcripts.save({
    ticketId: ticket.id,
    html: "<p>kept</p>",
    text: "kept",
    messageCount: 1,
    byteSize: 11,
  });
  await world.stores.types.update(ticket.typeId, { mode: "thread", parentChannelId: null });
  refusalText(await world.run(reopen(world.admin, 1)), "not_configured");
  refusalText(await world.run(reopen(world.bob, 1)), "not_staff");
  refusalText(await world.run(reopen(world.staff, 2)), "unknown_ticket");
  refusalText(
    await world.run(componentInput({ customId: "t1:reopen:999", member: world.staff })),
    "unknown_ticket",
  );
  assert.equal(created(), before, "no channel was made");
  const after = await world.stores.tickets.get(ticket.id);
  assert.equal(after?.status, "closed");
  assert.equal(after?.reopenCount, 0);
});

Deno.test("/ticket reopen brings the ticket back with its members and answers in the reader's language", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await world.stores.tickets.addMember({
    ticketId: ticket.id,
    userId: world.bob.user.id,
    addedBy: world.staff.user.id,
    addedAt: new Date(),
  });
  await world.stores.tickets.beginClose(ticket.id, world.staff.user.id, "done");
  await world.stores.transcripts.save({
    ticketId: ticket.id,
    html: "<p>first</p>",
    text: "first",
    messageCount: 1,
    byteSize: 12,
  });
  await world.discord.deleteChannel(ticket.channelId!);
  await world.stores.tickets.finishClose(ticket.id, new Date());

  const reply = await world.run({ ...reopen(world.staff, 1), locale: "de" });
  assert.match(contentOf(reply), /^Ticket #1 ist wieder offen: <#\d+>$/);
  const reopened = await world.stores.tickets.get(ticket.id as TicketId);
  assert.equal(reopened?.status, "open");
  assert.notEqual(reopened?.channelId, ticket.channelId);
  const channel = world.discord.channels.get(reopened!.channelId!);
  const ids = channel?.overwrites.map((o) => o.id) ?? [];
  for (const who of [world.alice, world.bob]) assert.ok(ids.includes(who.user.id));
  assert.ok(ids.includes(world.staffRole.id));
  const posts = world.discord.calls.filter((c) =>
    c.method === "sendMessage" && c.args[0] === reopened!.channelId
  );
  assert.equal(posts.length, 2, "the previous transcript, then the notice");
});
