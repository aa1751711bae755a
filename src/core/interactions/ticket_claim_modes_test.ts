import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { edits, inTicket, overwriteOf, withClaimMode } from "../../../tests/fixtures/work_world.ts";
import { commandInput, opt } from "../../../tests/fixtures/inputs.ts";
import { Permission } from "../permissions_bits.ts";

Deno.test("a hide-mode claim hides the ticket from staff roles but keeps opener, members and claimer; unclaim brings it back", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await withClaimMode(world, ticket, "hide");
  await world.run(inTicket(ticket, world.staff, "add", { user: opt.user(world.bob.user) }));
  const before = structuredClone(world.discord.channels.get(ticket.channelId!)!.overwrites);

  const claimed = await world.run(inTicket(ticket, world.staff, "claim"));
  assert.match(contentOf(claimed), /is handling this ticket/);
  assert.deepEqual(overwriteOf(world, ticket, world.staffRole.id), {
    id: world.staffRole.id,
    type: "role",
    allow: 0n,
    deny: Permission.ViewChannel,
  });
  for (const person of [world.alice, world.bob, world.staff]) {
    const own = overwriteOf(world, ticket, person.user.id);
    assert.ok(
      own && (own.allow & Permission.ViewChannel) !== 0n,
      `${person.user.username} sees it`,
    );
  }
  assert.equal(world.discord.channels.get(ticket.channelId!)?.name, "ticket-1", "never renamed");
  assert.deepEqual(world.ctx.defers.at(-1), { ephemeral: false });

  await world.run(inTicket(ticket, world.staff, "unclaim"));
  const after = world.discord.channels.get(ticket.channelId!)!.overwrites;
  assert.deepEqual(
    after.map((o) => o.id).sort(),
    before.map((o) => o.id).sort(),
    "the overwrites are as before the claim",
  );
  assert.deepEqual(overwriteOf(world, ticket, world.staffRole.id)?.deny, 0n);
});

Deno.test("a readonly-mode claim lets staff roles read but not write", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await withClaimMode(world, ticket, "readonly");
  await world.run(inTicket(ticket, world.staff, "claim"));
  const role = overwriteOf(world, ticket, world.staffRole.id);
  assert.ok(role && (role.allow & Permission.ViewChannel) !== 0n);
  assert.ok((role.deny & Permission.SendMessages) !== 0n);
  assert.ok(
    ((overwriteOf(world, ticket, world.staff.user.id)?.allow ?? 0n) &
      Permission.SendMessages) !== 0n,
  );
});

Deno.test("an open-mode claim changes no overwrite", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const from = world.discord.calls.length;
  await world.run(inTicket(ticket, world.staff, "claim"));
  assert.deepEqual(edits(world, from), []);
});

Deno.test("a claim Discord refuses to apply is undone and answered with what to do", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await withClaimMode(world, ticket, "hide");
  world.discord.failNext("editChannel", { kind: "missing_permissions" });
  refusalText(await world.run(inTicket(ticket, world.staff, "claim")), "bot_missing_permissions");
  assert.equal((await world.stores.tickets.get(ticket.id))?.claimedBy, null);
  assert.equal((await world.stores.audit.recent(ticket.guildId, 5))[0]?.action, "ticket.open");
});

Deno.test("changing a type's staff roles keeps a claimed hidden ticket hidden, with its people", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await withClaimMode(world, ticket, "hide");
  await world.run(inTicket(ticket, world.staff, "add", { user: opt.user(world.bob.user) }));
  await world.run(inTicket(ticket, world.staff, "claim"));
  const extra = world.discord.addRole("Night shift");
  await world.run(commandInput({
    name: "type",
    subcommand: "set",
    member: world.admin,
    options: {
      setting: opt.string("staff_roles"),
      type: opt.string(String(ticket.typeId)),
      value: opt.string(`<@&${world.staffRole.id}> <@&${extra.id}>`),
    },
  }));
  for (const role of [world.staffRole.id, extra.id]) {
    assert.deepEqual(overwriteOf(world, ticket, role)?.deny, Permission.ViewChannel);
  }
  await world.run(commandInput({
    name: "config",
    group: "set",
    subcommand: "staff_role_remove",
    member: world.admin,
    options: { role: opt.role(extra.id) },
  }));
  assert.deepEqual((await world.stores.types.get(ticket.typeId))?.staffRoleIds, [
    world.staffRole.id,
  ]);
  assert.equal(overwriteOf(world, ticket, extra.id), undefined);
  for (const person of [world.alice, world.bob, world.staff]) {
    assert.ok(overwriteOf(world, ticket, person.user.id), `${person.user.username} keeps access`);
  }
  assert.deepEqual(overwriteOf(world, ticket, world.staffRole.id)?.deny, Permission.ViewChannel);
});
