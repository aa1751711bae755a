import assert from "node:assert/strict";
import { Permission } from "../permissions_bits.ts";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import {
  edits,
  inTicket,
  memberWith,
  overwriteOf,
  withClaimMode,
} from "../../../tests/fixtures/work_world.ts";
import { opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef, UserRef } from "../interaction.ts";
import type { UserId } from "../ids.ts";

Deno.test("/ticket transfer hands the claim to another staff member and moves the hidden access with it", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await withClaimMode(world, ticket, "hide");
  const sue = memberWith(world, "sue", "400000000000000900", [world.staffRole.id]);
  await world.run(inTicket(ticket, world.staff, "claim"));

  const reply = await world.run(
    inTicket(ticket, world.staff, "transfer", { user: opt.user(sue.user) }),
  );
  assert.equal(reply.kind === "message" && reply.ephemeral, false);
  assert.match(contentOf(reply), new RegExp(`handed this ticket to <@${sue.user.id}>`));
  assert.equal((await world.stores.tickets.get(ticket.id))?.claimedBy, sue.user.id);
  assert.ok(overwriteOf(world, ticket, sue.user.id), "the new claimer has their overwrite");
  assert.equal(overwriteOf(world, ticket, world.staff.user.id), undefined, "the old one not");
  assert.ok(overwriteOf(world, ticket, world.alice.user.id), "the opener keeps access");
  const audit = await world.stores.audit.recent(ticket.guildId, 1);
  assert.equal(audit[0]?.action, "ticket.transfer");
  assert.deepEqual(audit[0]?.detail, { from: world.staff.user.id, to: sue.user.id });
});

Deno.test("/ticket transfer of an unclaimed ticket assigns it", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const reply = await world.run(inTicket(ticket, world.admin, "transfer", {
    user: opt.user(world.staff.user),
  }));
  assert.match(contentOf(reply), /assigned this ticket/);
  const after = await world.stores.tickets.get(ticket.id);
  assert.equal(after?.claimedBy, world.staff.user.id);
  assert.equal(after?.assistantPaused, true);
});

Deno.test("/ticket transfer refuses a non-staff target, a bot, the claimer and a non-staff asker, changing nothing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await withClaimMode(world, ticket, "hide");
  await world.run(inTicket(ticket, world.staff, "claim"));
  const from = world.discord.calls.length;
  const auditBefore = (await world.stores.audit.recent(ticket.guildId, 50)).length;
  const transfer = (member: MemberRef, user: UserRef) =>
    world.run(inTicket(ticket, member, "transfer", { user: opt.user(user) }));
  assert.match(
    refusalText(await transfer(world.staff, world.bob.user), "not_allowed"),
    /not staff/,
  );
  refusalText(await transfer(world.staff, world.discord.bot), "invalid_value");
  refusalText(await transfer(world.staff, world.staff.user), "already_claimed");
  refusalText(await transfer(world.alice, world.staff.user), "not_staff");
  refusalText(await transfer(world.bob, world.staff.user), "not_staff");
  const stranger = { ...world.bob.user, id: "400000000000000999" as UserId };
  refusalText(await transfer(world.staff, stranger), "member_missing");
  assert.deepEqual(edits(world, from), []);
  assert.equal((await world.stores.tickets.get(ticket.id))?.claimedBy, world.staff.user.id);
  assert.equal((await world.stores.audit.recent(ticket.guildId, 50)).length, auditBefore);
});

Deno.test("/ticket transfer accepts a member whose role gives Manage Server as staff", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const managers = world.discord.addRole("Managers", { permissions: Permission.ManageGuild });
  const max = memberWith(world, "max", "400000000000000902", [managers.id]);
  const reply = await world.run(inTicket(ticket, world.staff, "transfer", {
    user: opt.user(max.user),
  }));
  assert.match(contentOf(reply), new RegExp(`assigned this ticket to <@${max.user.id}>`));
});
