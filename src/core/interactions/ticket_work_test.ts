import assert from "node:assert/strict";
import {
  contentOf,
  openTicketWorld,
  refusalText,
  type TicketWorld,
} from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, memberRef, opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef, UserRef } from "../interaction.ts";
import type { ChannelId, RoleId, UserId } from "../ids.ts";
import type { Overwrite } from "../discord_port.ts";
import { type ClaimMode, defaultTypeSettings, type Ticket, type TicketType } from "../model.ts";
import { Permission } from "../permissions_bits.ts";

const inTicket = (
  ticket: Ticket,
  member: MemberRef,
  subcommand: string,
  options: Parameters<typeof commandInput>[0]["options"] = {},
) =>
  commandInput({
    name: "ticket",
    subcommand,
    member,
    channelId: ticket.channelId!,
    options,
  });

/** A guild member holding `roles` (an extra staff member, say). */
function memberWith(world: TicketWorld, name: string, id: string, roles: RoleId[]): MemberRef {
  const user: UserRef = world.discord.addMember({ id: id as UserId, username: name }, roles);
  return memberRef(user, { roles });
}

async function withClaimMode(world: TicketWorld, ticket: Ticket, claimMode: ClaimMode) {
  await world.stores.types.update(ticket.typeId, { claimMode });
}

function overwriteOf(world: TicketWorld, ticket: Ticket, id: string): Overwrite | undefined {
  return world.discord.channels.get(ticket.channelId!)?.overwrites.find((o) => o.id === id);
}

/** Discord calls that change channels or roles (not the log channel's posts), made since `from`. */
function edits(world: TicketWorld, from: number): string[] {
  const reads = new Set([
    "botUser",
    "channel",
    "guildChannels",
    "roles",
    "member",
    "guilds",
    "sendMessage",
  ]);
  return world.discord.calls.slice(from).map((c) => c.method).filter((m) => !reads.has(m));
}

/** A second type with its own category and staff role. */
async function billingType(world: TicketWorld, scheme = "billing-{number}"): Promise<TicketType> {
  const category = world.discord.addChannel({ name: "Billing", kind: "category" });
  const role = world.discord.addRole("Billing team");
  const created = await world.stores.types.create(world.discord.guildId, {
    ...defaultTypeSettings("Billing"),
    categoryId: category.id as ChannelId,
    staffRoleIds: [role.id],
    namingScheme: scheme,
  });
  if (created.kind !== "created") throw new Error(`not created: ${created.kind}`);
  return created.type;
}

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

Deno.test("/ticket priority stores the level and announces it; refusals change nothing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const priority = (member: MemberRef, level: string) =>
    world.run(inTicket(ticket, member, "priority", { level: opt.string(level) }));
  const from = world.discord.calls.length;
  refusalText(await priority(world.alice, "urgent"), "not_staff");
  refusalText(await priority(world.staff, "whenever"), "invalid_value");
  refusalText(await priority(world.staff, "normal"), "invalid_value");
  assert.equal((await world.stores.tickets.get(ticket.id))?.priority, "normal");
  const reply = await priority(world.staff, "urgent");
  assert.equal(reply.kind === "message" && reply.ephemeral, false);
  assert.match(contentOf(reply), /priority to \*\*Urgent\*\*/);
  assert.equal((await world.stores.tickets.get(ticket.id))?.priority, "urgent");
  assert.equal(world.discord.channels.get(ticket.channelId!)?.name, "ticket-1");
  assert.deepEqual(edits(world, from), []);
  const audit = await world.stores.audit.recent(ticket.guildId, 1);
  assert.deepEqual([audit[0]?.action, audit[0]?.detail], [
    "ticket.priority",
    { from: "normal", to: "urgent" },
  ]);
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
