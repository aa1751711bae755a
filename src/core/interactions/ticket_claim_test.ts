import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput, componentInput, opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef } from "../interaction.ts";
import type { ChannelId } from "../ids.ts";

const sub = (subcommand: string, member: MemberRef, channelId: ChannelId) =>
  commandInput({ name: "ticket", subcommand, member, channelId });

Deno.test("staff claim a ticket: announced, recorded, assistant paused; a second claim is refused", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;
  const renamesBefore = world.discord.calls.length;

  const reply = await world.run(sub("claim", world.staff, channelId));
  assert.equal(reply.kind === "message" && reply.ephemeral, false);
  assert.match(contentOf(reply), new RegExp(`<@${world.staff.user.id}> is handling`));
  const after = await world.stores.tickets.get(ticket.id);
  assert.equal(after?.claimedBy, world.staff.user.id);
  assert.equal(after?.assistantPaused, true);
  assert.equal(world.discord.channels.get(channelId)?.name, "ticket-1", "never renamed");
  assert.ok(world.discord.calls.slice(renamesBefore).every((c) => c.method !== "createChannel"));

  refusalText(await world.run(sub("claim", world.staff, channelId)), "already_claimed");
  refusalText(await world.run(sub("claim", world.admin, channelId)), "already_claimed");
});

Deno.test("the opener and strangers cannot claim or unclaim", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;
  refusalText(await world.run(sub("claim", world.alice, channelId)), "not_staff");
  refusalText(await world.run(sub("claim", world.bob, channelId)), "not_staff");
  await world.run(sub("claim", world.staff, channelId));
  refusalText(await world.run(sub("unclaim", world.alice, channelId)), "not_staff");
  refusalText(await world.run(sub("unclaim", world.bob, channelId)), "not_staff");
  assert.equal((await world.stores.tickets.get(ticket.id))?.claimedBy, world.staff.user.id);
});

Deno.test("unclaim releases the ticket and refuses when nobody claimed it", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;
  refusalText(await world.run(sub("unclaim", world.staff, channelId)), "not_claimed");
  await world.run(sub("claim", world.staff, channelId));
  assert.match(contentOf(await world.run(sub("unclaim", world.staff, channelId))), /released/);
  assert.equal((await world.stores.tickets.get(ticket.id))?.claimedBy, null);
  assert.equal((await world.run(sub("claim", world.admin, channelId))).kind, "message");
});

Deno.test("the Claim button claims for staff and refuses others", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const customId = `t1:claim:${ticket.id}`;
  refusalText(await world.run(componentInput({ customId, member: world.alice })), "not_staff");
  const reply = await world.run(componentInput({ customId, member: world.staff }));
  assert.match(contentOf(reply), /is handling this ticket/);
  assert.equal((await world.stores.tickets.get(ticket.id))?.claimedBy, world.staff.user.id);
});

Deno.test("/ticket assistant pauses and resumes the relay for staff only", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const assistant = (member: MemberRef, state: string) =>
    commandInput({
      name: "ticket",
      subcommand: "assistant",
      member,
      channelId: ticket.channelId!,
      options: { state: opt.string(state) },
    });
  refusalText(await world.run(assistant(world.alice, "off")), "not_staff");
  await world.run(assistant(world.staff, "off"));
  assert.equal((await world.stores.tickets.get(ticket.id))?.assistantPaused, true);
  assert.match(contentOf(await world.run(assistant(world.staff, "on"))), /resumed/);
  assert.equal((await world.stores.tickets.get(ticket.id))?.assistantPaused, false);
  refusalText(await world.run(assistant(world.staff, "maybe")), "invalid_value");
});

Deno.test("with an assistant configured, claiming says it paused and unclaiming says it stays paused", async () => {
  await using world = await openTicketWorld();
  world.ctx.assistant = true;
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const welcome = world.discord.messagesIn(ticket.channelId!)[0];
  assert.match(String(welcome?.body.content), /An assistant may answer here first/);
  const channelId = ticket.channelId!;
  assert.match(
    contentOf(await world.run(sub("claim", world.staff, channelId))),
    /The assistant is paused; staff can resume it with `\/ticket assistant on`/,
  );
  assert.match(
    contentOf(await world.run(sub("unclaim", world.staff, channelId))),
    /The assistant stays paused/,
  );
});

Deno.test("without an assistant configured, answers do not mention it", async () => {
  await using world = await openTicketWorld();
  world.ctx.assistant = false;
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  const channelId = ticket.channelId!;
  assert.doesNotMatch(String(world.discord.messagesIn(channelId)[0]?.body.content), /assistant/);
  assert.doesNotMatch(
    contentOf(await world.run(sub("claim", world.staff, channelId))),
    /assistant/,
  );
  assert.match(
    contentOf(
      await world.run(
        commandInput({
          name: "ticket",
          subcommand: "assistant",
          member: world.staff,
          channelId,
          options: { state: opt.string("on") },
        }),
      ),
    ),
    /No assistant service is configured/,
  );
});
