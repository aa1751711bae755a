import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { edits, inTicket } from "../../../tests/fixtures/work_world.ts";
import { opt } from "../../../tests/fixtures/inputs.ts";
import type { MemberRef } from "../interaction.ts";

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
