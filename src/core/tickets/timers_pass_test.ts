import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, componentInput, opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef } from "../interaction.ts";
import type { Ticket } from "../model.ts";
import { recordTicketMessage } from "./ticket_message.ts";
import { runTimers } from "./timers_pass.ts";
import { memberRemoved } from "./opener_left.ts";

const HOUR = 3_600_000;
const START = new Date("2026-01-01T12:00:00Z");
const at = (hours: number) => new Date(START.getTime() + hours * HOUR);

async function autoCloseWorld(autoClose = { warnAfterHours: 24, closeAfterHours: 48 }) {
  const world = await openTicketWorld();
  await world.setUp();
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  await world.stores.types.update(type.id, { autoClose });
  const ticket = await world.openTicketAs(world.alice);
  /** `member` writes in the ticket at `hours` after the start. */
  const write = async (member: MemberRef, hours: number) => {
    world.ctx.setNow(at(hours));
    const current = (await world.stores.tickets.get(ticket.id))!;
    return await recordTicketMessage(
      current,
      { authorId: member.user.id, roleIds: member.roles, at: at(hours) },
      world.ctx,
    );
  };
  /** Runs a pass at `hours` after the start. */
  const pass = async (hours: number) => {
    world.ctx.setNow(at(hours));
    return await runTimers(world.ctx);
  };
  const warnings = () =>
    world.discord.messages.filter((m) =>
      m.channelId === ticket.channelId && /closes by itself/.test(m.body.content ?? "")
    );
  const status = async () => (await world.stores.tickets.get(ticket.id))?.status;
  return { world, ticket, write, pass, warnings, status };
}

Deno.test("a staff message sets the first response and waiting-for; the opener's turns it back", async () => {
  const { world, ticket, write } = await autoCloseWorld();
  await using _ = world;
  assert.equal(await write(world.alice, 0), "opener");
  assert.equal((await world.stores.tickets.get(ticket.id))?.waitingFor, "staff");
  assert.equal(await write(world.staff, 2), "staff");
  assert.equal(await write(world.staff, 3), "staff");
  const timings = await world.stores.timers.timings(ticket.id);
  assert.deepEqual(timings?.firstStaffResponseAt, at(2), "the first staff message counts");
  assert.deepEqual(timings?.lastStaffMessageAt, at(3));
  assert.deepEqual(timings?.lastOpenerMessageAt, at(0));
  assert.equal((await world.stores.tickets.get(ticket.id))?.waitingFor, "member");
  assert.equal(await write(world.bob, 4), "member", "a member without a staff role");
  assert.equal((await world.stores.tickets.get(ticket.id))?.waitingFor, "staff");
});

Deno.test("the claimer counts as staff even without a staff role", async () => {
  const { world, ticket, write } = await autoCloseWorld();
  await using _ = world;
  await world.stores.tickets.claim(ticket.id, world.bob.user.id, null);
  assert.equal(await write(world.bob, 1), "staff");
  assert.deepEqual((await world.stores.timers.timings(ticket.id))?.firstStaffResponseAt, at(1));
});

Deno.test("auto close warns exactly once after N hours and closes N+M hours after the staff message", async () => {
  const { world, ticket, write, pass, warnings, status } = await autoCloseWorld();
  await using _ = world;
  await write(world.staff, 0);
  assert.equal((await pass(23.9)).warned, 0);
  assert.equal((await pass(24)).warned, 1);
  assert.equal((await pass(24.5)).warned, 0, "no second warning");
  assert.equal((await pass(30)).warned, 0);
  assert.equal(warnings().length, 1);
  const warning = warnings()[0]!;
  assert.match(warning.body.content ?? "", new RegExp(`^<@${world.alice.user.id}>`));
  assert.deepEqual(warning.body.allowed_mentions?.users, [world.alice.user.id]);
  assert.equal((await pass(71.9)).autoClosed, 0);
  assert.equal(await status(), "open");
  assert.equal((await pass(72)).autoClosed, 1);
  const closed = await world.stores.tickets.get(ticket.id);
  assert.equal(closed?.status, "closed");
  assert.equal(closed?.closeReason, "no reply");
  assert.equal(closed?.closedBy, world.discord.bot.id);
  assert.equal(world.discord.channels.has(ticket.channelId!), false, "closed by the close flow");
  assert.equal(warnings().length, 1);
});

Deno.test("a message from the opener cancels the auto close, and a later staff message restarts it", async () => {
  const { world, write, pass, warnings, status } = await autoCloseWorld();
  await using _ = world;
  await write(world.staff, 0);
  await pass(24);
  assert.equal(warnings().length, 1);
  await write(world.alice, 30);
  assert.deepEqual(await pass(100), {
    warned: 0,
    autoClosed: 0,
    requestsClosed: 0,
    openersLeft: 0,
    failures: 0,
  });
  assert.equal(await status(), "open");
  await write(world.bob, 101);
  await write(world.staff, 110);
  assert.equal((await pass(133)).warned, 0);
  assert.equal((await pass(134)).warned, 1, "24 hours after the new staff message");
  assert.equal(warnings().length, 2);
  assert.equal((await pass(182)).autoClosed, 1);
  assert.equal(await status(), "closed");
});

Deno.test("a type without auto close never warns", async () => {
  const { world, ticket, write, pass, warnings } = await autoCloseWorld();
  await using _ = world;
  await world.stores.types.update(ticket.typeId, { autoClose: null });
  await write(world.staff, 0);
  await pass(1000);
  assert.equal(warnings().length, 0);
});

Deno.test("an auto close turned off after its staff message stops at the next pass", async () => {
  const { world, ticket, write, pass, warnings, status } = await autoCloseWorld();
  await using _ = world;
  await write(world.staff, 0);
  await world.stores.types.update(ticket.typeId, { autoClose: null });
  await pass(1000);
  assert.equal(warnings().length, 0);
  assert.equal(await status(), "open");
  assert.equal((await world.stores.timers.timings(ticket.id))?.autoClose, null);
});

Deno.test("a warning that cannot be posted is tried again at the next pass", async () => {
  const { world, write, pass, warnings } = await autoCloseWorld();
  await using _ = world;
  await write(world.staff, 0);
  world.discord.failNext("sendMessage", { kind: "unavailable" } as never);
  assert.equal((await pass(24)).failures, 1);
  assert.equal((await pass(25)).warned, 1);
  assert.equal(warnings().length, 1);
});

const closeRequest = (member: MemberRef, ticket: Ticket, reason?: string) =>
  commandInput({
    name: "ticket",
    subcommand: "close-request",
    member,
    channelId: ticket.channelId!,
    ...(reason === undefined ? {} : { options: { reason: opt.string(reason) } }),
  });

const buttonsOf = (
  reply: Awaited<ReturnType<Awaited<ReturnType<typeof openTicketWorld>>["run"]>>,
) =>
  reply.kind === "message"
    ? (reply.body.components ?? []).flatMap((row) =>
      row.components.map((c) => "custom_id" in c ? c.custom_id : "")
    )
    : [];

Deno.test("/ticket close-request asks the opener; Accept closes with the request's reason", async () => {
  const { world, ticket } = await autoCloseWorld();
  await using _ = world;
  const reply = await world.run(closeRequest(world.staff, ticket, "Replacement sent"));
  assert.equal(reply.kind === "message" && reply.ephemeral, false, "posted in the ticket");
  assert.match(
    contentOf(reply),
    new RegExp(`^<@${world.alice.user.id}> <@${world.staff.user.id}>`),
  );
  assert.match(contentOf(reply), /Replacement sent/);
  assert.match(contentOf(reply), /24 hours/);
  const [accept, keep] = buttonsOf(reply);
  assert.equal(accept, `t1:creqok:${ticket.id}:1`);
  assert.equal(keep, `t1:creqno:${ticket.id}:1`);

  const closed = await world.run(componentInput({ customId: accept!, member: world.alice }));
  assert.match(contentOf(closed), /is closed/);
  const after = await world.stores.tickets.get(ticket.id);
  assert.equal(after?.status, "closed");
  assert.equal(after?.closeReason, "Replacement sent");
  assert.equal(after?.closedBy, world.alice.user.id);
});

Deno.test("only the opener may answer a close request; others are refused and nothing changes", async () => {
  const { world, ticket } = await autoCloseWorld();
  await using _ = world;
  const [accept, keep] = buttonsOf(await world.run(closeRequest(world.staff, ticket)));
  for (const member of [world.bob, world.staff, world.admin]) {
    refusalText(await world.run(componentInput({ customId: accept!, member })), "not_allowed");
    refusalText(await world.run(componentInput({ customId: keep!, member })), "not_allowed");
  }
  assert.equal((await world.stores.tickets.get(ticket.id))?.status, "open");
  assert.notEqual((await world.stores.timers.timings(ticket.id))?.closeRequest, null);
  refusalText(await world.run(closeRequest(world.alice, ticket)), "not_staff");
  refusalText(await world.run(closeRequest(world.bob, ticket)), "not_staff");
});

Deno.test("Keep open ends the request and says so; its buttons then say it expired", async () => {
  const { world, ticket, pass } = await autoCloseWorld();
  await using _ = world;
  const [accept, keep] = buttonsOf(await world.run(closeRequest(world.staff, ticket)));
  const kept = await world.run(componentInput({ customId: keep!, member: world.alice }));
  assert.equal(kept.kind, "update");
  assert.match(contentOf(kept), new RegExp(`<@${world.alice.user.id}> kept this ticket open`));
  refusalText(
    await world.run(componentInput({ customId: accept!, member: world.alice })),
    "request_expired",
  );
  await pass(1000);
  assert.equal((await world.stores.tickets.get(ticket.id))?.status, "open", "no timeout");
});

Deno.test("a second close request replaces the first, whose buttons expire", async () => {
  const { world, ticket } = await autoCloseWorld();
  await using _ = world;
  const [oldAccept] = buttonsOf(await world.run(closeRequest(world.staff, ticket, "first")));
  const [newAccept] = buttonsOf(await world.run(closeRequest(world.staff, ticket, "second")));
  assert.equal(newAccept, `t1:creqok:${ticket.id}:2`);
  const stale = await world.run(componentInput({ customId: oldAccept!, member: world.alice }));
  assert.match(refusalText(stale, "request_expired"), /expired/);
  await world.run(componentInput({ customId: newAccept!, member: world.alice }));
  assert.equal((await world.stores.tickets.get(ticket.id))?.closeReason, "second");
});

Deno.test("an unanswered close request closes the ticket after the type's timeout", async () => {
  const { world, ticket, pass } = await autoCloseWorld();
  await using _ = world;
  await world.stores.types.update(ticket.typeId, { closeRequestTimeoutHours: 6 });
  world.ctx.setNow(at(0));
  const reply = await world.run(closeRequest(world.staff, ticket));
  assert.match(contentOf(reply), /6 hours/);
  assert.equal((await pass(5.9)).requestsClosed, 0);
  assert.equal((await pass(6)).requestsClosed, 1);
  const closed = await world.stores.tickets.get(ticket.id);
  assert.equal(closed?.status, "closed");
  assert.equal(closed?.closeReason, "no answer to the close request");
  assert.equal(closed?.closedBy, world.discord.bot.id);
});

Deno.test("an opener who leaves closes their ticket when the type says so", async () => {
  const { world, ticket } = await autoCloseWorld();
  await using _ = world;
  const raw = { guild_id: world.discord.guildId, user: { id: world.alice.user.id } };
  await world.stores.types.update(ticket.typeId, { closeWhenOpenerLeaves: false });
  assert.equal(await memberRemoved(raw, world.ctx), 0);
  assert.equal(await memberRemoved({ ...raw, user: { id: world.bob.user.id } }, world.ctx), 0);
  await world.stores.types.update(ticket.typeId, { closeWhenOpenerLeaves: true });
  assert.equal(await memberRemoved(raw, world.ctx), 1);
  const closed = await world.stores.tickets.get(ticket.id);
  assert.equal(closed?.status, "closed");
  assert.equal(closed?.closeReason, "opener left");
});

Deno.test("the opener lookups close a ticket whose opener is gone, once per interval", async () => {
  const { world, ticket } = await autoCloseWorld();
  await using _ = world;
  const openers = { everyMs: 6 * HOUR, limit: 10 };
  const lookups = () => world.discord.callsOf("member").length;
  const after = (hours: number) => new Date(ticket.createdAt.getTime() + hours * HOUR);
  const before = lookups();
  world.ctx.setNow(after(1));
  await runTimers(world.ctx, { openers });
  assert.equal(lookups(), before, "a new ticket waits for its first lookup");
  world.ctx.setNow(after(6));
  assert.equal((await runTimers(world.ctx, { openers })).openersLeft, 0);
  assert.equal(lookups(), before + 1);
  world.ctx.setNow(after(7));
  await runTimers(world.ctx, { openers });
  assert.equal(lookups(), before + 1, "not again within the interval");
  world.discord.members.delete(world.alice.user.id);
  world.ctx.setNow(after(12));
  assert.equal((await runTimers(world.ctx, { openers })).openersLeft, 1);
  assert.equal((await world.stores.tickets.get(ticket.id))?.closeReason, "opener left");
});

Deno.test("the timers of a guild the bot left end without a request to Discord", async () => {
  const { world, ticket, write, warnings, status } = await autoCloseWorld();
  await using _ = world;
  await write(world.staff, 0);
  world.ctx.setNow(at(0));
  await world.run(closeRequest(world.staff, ticket));
  world.ctx.setNow(at(100));
  const calls = world.discord.calls.length;
  const summary = await runTimers(world.ctx, { skipGuild: () => Promise.resolve(true) });
  assert.equal(summary.warned + summary.requestsClosed + summary.failures, 0);
  assert.equal(world.discord.calls.length, calls);
  assert.equal(warnings().length, 0);
  assert.equal(await status(), "open");
  const timings = await world.stores.timers.timings(ticket.id);
  assert.equal(timings?.autoClose, null);
  assert.equal(timings?.closeRequest, null);
});
