import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { billingType, edits, inTicket, memberWith } from "../../../tests/fixtures/work_world.ts";
import { opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef } from "../interaction.ts";
import type { ChannelId } from "../ids.ts";
import { defaultTypeSettings } from "../model.ts";

Deno.test("/ticket move puts the channel in the new type's category with its staff, name and one edit", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const billing = await billingType(world);
  await world.run(inTicket(ticket, world.staff, "add", { user: opt.user(world.bob.user) }));
  await world.run(inTicket(ticket, world.staff, "claim"));
  const from = world.discord.calls.length;

  const reply = await world.run(inTicket(ticket, world.staff, "move", {
    type: opt.string(String(billing.id)),
  }));
  assert.match(contentOf(reply), /moved this ticket to “Billing”/);
  assert.match(contentOf(reply), /free to claim again/, "the claimer is not Billing staff");
  assert.deepEqual(edits(world, from), ["editChannel"]);
  const channel = world.discord.channels.get(ticket.channelId!)!;
  assert.equal(channel.parentId, billing.categoryId);
  assert.equal(channel.name, "billing-1");
  const ids = channel.overwrites.map((o) => o.id);
  for (const id of [world.alice.user.id, world.bob.user.id, billing.staffRoleIds[0]!]) {
    assert.ok(ids.includes(id), `${id} keeps or gets access`);
  }
  assert.ok(!ids.includes(world.staffRole.id), "the old staff role is out");
  const after = await world.stores.tickets.get(ticket.id);
  assert.equal(after?.typeId, billing.id);
  assert.equal(after?.claimedBy, null);
  assert.equal((await world.stores.audit.recent(ticket.guildId, 1))[0]?.action, "ticket.move");
});

Deno.test("/ticket move keeps a claimer who is staff of the new type and never renames to the same name", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const billing = await billingType(world, "ticket-{number}");
  const both = memberWith(world, "bea", "400000000000000901", [
    world.staffRole.id,
    billing.staffRoleIds[0]!,
  ]);
  await world.run(inTicket(ticket, both, "claim"));
  await world.run(inTicket(ticket, both, "move", { type: opt.string("billing") }));
  const [patch] = world.discord.callsOf("editChannel").map((c) => c.args[1]) as Array<
    Record<string, unknown>
  >;
  assert.ok(patch && !("name" in patch), "no rename when the name stays");
  assert.equal((await world.stores.tickets.get(ticket.id))?.claimedBy, both.user.id);
});

Deno.test("/ticket move refuses the same type, an unknown or deleted type, thread types and non-staff, changing nothing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const billing = await billingType(world);
  const threads = await world.stores.types.create(world.discord.guildId, {
    ...defaultTypeSettings("Threads"),
    mode: "thread",
    parentChannelId: world.discord.addChannel({ name: "help", kind: "text" }).id as ChannelId,
  });
  const gone = await world.stores.types.create(world.discord.guildId, defaultTypeSettings("Old"));
  if (threads.kind !== "created" || gone.kind !== "created") throw new Error("types not created");
  await world.stores.types.remove(gone.type.id);
  const from = world.discord.calls.length;
  const move = (member: MemberRef, value: string) =>
    world.run(inTicket(ticket, member, "move", { type: opt.string(value) }));
  refusalText(await move(world.staff, String(ticket.typeId)), "invalid_value");
  refusalText(await move(world.staff, "nothing like it"), "unknown_type");
  refusalText(await move(world.staff, String(gone.type.id)), "unknown_type");
  assert.match(refusalText(await move(world.staff, "Threads"), "invalid_value"), /threads/);
  refusalText(await move(world.alice, String(billing.id)), "not_staff");
  refusalText(await move(world.bob, String(billing.id)), "not_staff");
  assert.deepEqual(edits(world, from), []);
  assert.equal((await world.stores.tickets.get(ticket.id))?.typeId, ticket.typeId);
});

Deno.test("/ticket move that Discord refuses puts the ticket back in its type and claim", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const billing = await billingType(world);
  await world.run(inTicket(ticket, world.staff, "claim"));
  world.discord.failNext("editChannel", { kind: "missing_permissions" });
  refusalText(
    await world.run(
      inTicket(ticket, world.staff, "move", { type: opt.string(String(billing.id)) }),
    ),
    "bot_missing_permissions",
  );
  const after = await world.stores.tickets.get(ticket.id);
  assert.equal(after?.typeId, ticket.typeId);
  assert.equal(after?.claimedBy, world.staff.user.id);
});

Deno.test("/ticket move into a full category overflows into the next one, as an open does", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const billing = await billingType(world);
  for (let i = 0; i < 50; i++) {
    world.discord.addChannel({ name: `old-${i}`, kind: "text", parentId: billing.categoryId });
  }
  await world.run(inTicket(ticket, world.staff, "move", { type: opt.string("Billing") }));
  const overflow = world.discord.channelNamed("Billing 2");
  assert.ok(overflow, "the overflow category is made");
  assert.equal(world.discord.channels.get(ticket.channelId!)?.parentId, overflow.id);
  assert.equal(world.discord.callsOf("editChannel").length, 1);
});

Deno.test("/ticket move between types sharing a category leaves the channel where it is", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const current = (await world.stores.types.get(ticket.typeId))!;
  const created = await world.stores.types.create(world.discord.guildId, {
    ...defaultTypeSettings("Appeal"),
    categoryId: current.categoryId,
    staffRoleIds: current.staffRoleIds,
  });
  if (created.kind !== "created") throw new Error(`not created: ${created.kind}`);
  const parent = world.discord.channels.get(ticket.channelId!)?.parentId;
  await world.run(inTicket(ticket, world.staff, "move", { type: opt.string("Appeal") }));
  const patches = world.discord.callsOf("editChannel").map((c) => c.args[1]);
  assert.deepEqual(patches.map((p) => Object.keys(p as object)), [["overwrites"]]);
  assert.equal(world.discord.channels.get(ticket.channelId!)?.parentId, parent);
  assert.equal((await world.stores.tickets.get(ticket.id))?.typeId, created.type.id);
});

Deno.test("/ticket move refuses a type without a category, and one whose category is gone", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await world.stores.types.create(world.discord.guildId, defaultTypeSettings("Loose"));
  const from = world.discord.calls.length;
  const loose = await world.run(
    inTicket(ticket, world.staff, "move", { type: opt.string("Loose") }),
  );
  assert.match(refusalText(loose, "not_configured"), /has no category yet/);
  assert.deepEqual(edits(world, from), []);

  const billing = await billingType(world);
  world.discord.channels.delete(billing.categoryId!);
  const gone = await world.run(
    inTicket(ticket, world.staff, "move", { type: opt.string("Billing") }),
  );
  assert.match(refusalText(gone, "not_configured"), /no longer exists/);
  assert.deepEqual(edits(world, from), []);
  assert.equal((await world.stores.tickets.get(ticket.id))?.typeId, ticket.typeId);
});
