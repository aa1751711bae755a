import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, componentInput, opt } from "../../../tests/fixtures/inputs.ts";
import type { Reply } from "../reply.ts";
import { Permission } from "../permissions_bits.ts";
import { canReadHistory } from "./ticket_close.ts";

function buttonIds(reply: Reply): string[] {
  assert.equal(reply.kind, "message");
  const row = reply.kind === "message" ? reply.body.components?.[0] : undefined;
  return row?.components.map((c) => ("custom_id" in c ? c.custom_id : "")) ?? [];
}

Deno.test("/ticket close asks the opener or staff to confirm, with the reason", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;
  const close = (member = world.alice, reason?: string) =>
    world.run(commandInput({
      name: "ticket",
      subcommand: "close",
      member,
      channelId,
      options: reason === undefined ? {} : { reason: opt.string(reason) },
    }));

  refusalText(await close(world.bob), "not_allowed");
  const asked = await close(world.alice, "Solved, thanks");
  assert.equal(asked.kind === "message" && asked.ephemeral, true);
  assert.match(contentOf(asked), /Close ticket #1\?/);
  assert.match(contentOf(asked), /Reason: Solved, thanks/);
  assert.deepEqual(buttonIds(asked), [`t1:closeok:${ticket.id}`, `t1:closeno:${ticket.id}`]);
  assert.deepEqual(buttonIds(await close(world.staff)), buttonIds(asked));
  assert.equal((await world.stores.tickets.get(ticket.id))?.status, "open", "nothing closed yet");
});

Deno.test("the Close button asks for confirmation and Cancel dismisses it", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  refusalText(
    await world.run(componentInput({ customId: `t1:close:${ticket.id}`, member: world.bob })),
    "not_allowed",
  );
  const asked = await world.run(
    componentInput({ customId: `t1:close:${ticket.id}`, member: world.staff }),
  );
  assert.deepEqual(buttonIds(asked), [`t1:closeok:${ticket.id}`, `t1:closeno:${ticket.id}`]);
  const cancelled = await world.run(
    componentInput({ customId: `t1:closeno:${ticket.id}`, member: world.staff }),
  );
  assert.equal(cancelled.kind, "update");
  assert.match(contentOf(cancelled), /cancelled/);
  assert.deepEqual(cancelled.kind === "update" && cancelled.body.components, []);
  assert.equal((await world.stores.tickets.get(ticket.id))?.status, "open");
});

Deno.test("Confirm runs the close with the requested reason, and strangers cannot confirm", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  await world.run(commandInput({
    name: "ticket",
    subcommand: "close",
    member: world.staff,
    channelId: ticket.channelId!,
    options: { reason: opt.string("Duplicate") },
  }));
  const confirm = `t1:closeok:${ticket.id}`;
  refusalText(
    await world.run(componentInput({ customId: confirm, member: world.bob })),
    "not_allowed",
  );
  world.ctx.defers.length = 0;
  const reply = await world.run(componentInput({ customId: confirm, member: world.staff }));
  assert.deepEqual(world.ctx.defers, [{ ephemeral: true }]);
  const after = await world.stores.tickets.get(ticket.id);
  assert.equal(after?.closeReason, "Duplicate");
  assert.match(contentOf(reply), /Ticket #1 is closed/);
  assert.equal(after?.status, "closed");
  assert.equal(after?.closedBy, world.staff.user.id);
  assert.equal(world.discord.channels.has(ticket.channelId!), false, "the channel is deleted");
  refusalText(
    await world.run(componentInput({ customId: confirm, member: world.staff })),
    "ticket_closed",
  );
});

Deno.test("a Close button of a ticket that no longer exists is a stale button", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  refusalText(
    await world.run(componentInput({ customId: "t1:close:12345", member: world.staff })),
    "unknown_component",
  );
});

Deno.test("a close that stops part-way is reported and can be confirmed again", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  world.discord.failNext("messagesAfter", { kind: "unavailable", status: 503 });
  const confirm = componentInput({ customId: `t1:closeok:${ticket.id}`, member: world.alice });
  const failed = await world.run(confirm);
  assert.match(refusalText(failed, "close_failed"), /run `\/ticket close` again/);
  assert.equal((await world.stores.tickets.get(ticket.id))?.status, "closing");
  assert.equal(world.discord.channels.has(ticket.channelId!), true, "nothing deleted");
  const again = await world.run(
    commandInput({
      name: "ticket",
      subcommand: "close",
      member: world.alice,
      channelId: ticket.channelId!,
    }),
  );
  assert.equal(again.kind, "message", "closing tickets may be closed again");
  assert.match(contentOf(await world.run(confirm)), /is closed/);
});

Deno.test("Confirm uploads transcripts within the interaction's attachment_size_limit", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  for (let i = 0; i < 40; i++) {
    world.discord.addMessage(ticket.channelId!, world.alice.user, `message ${i} `.repeat(20));
  }
  const confirm = {
    ...componentInput({ customId: `t1:closeok:${ticket.id}`, member: world.alice }),
    attachmentSizeLimit: 4096,
  };
  assert.match(contentOf(await world.run(confirm)), /is closed/);
  const posts = world.discord.messages.filter((m) => (m.body.files?.length ?? 0) > 0);
  assert.ok(posts.length > 0, "the transcript was posted");
  for (const post of posts) {
    for (const file of post.body.files ?? []) {
      assert.ok(file.data.byteLength <= 4096, `${file.name} fits the limit`);
    }
  }
});

Deno.test("canReadHistory() reads Read Message History from app_permissions", () => {
  assert.equal(canReadHistory(0n), true, "unknown permissions: try");
  assert.equal(canReadHistory(Permission.ViewChannel), false);
  assert.equal(canReadHistory(Permission.ViewChannel | Permission.ReadMessageHistory), true);
  assert.equal(canReadHistory(Permission.Administrator), true);
});
