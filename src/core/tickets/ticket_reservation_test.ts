import assert from "node:assert/strict";
import {
  contentOf,
  openTicketWorld,
  refusalText,
  type TicketWorld,
} from "../../../tests/fixtures/ticket_world.ts";
import { commandInput } from "../../../tests/fixtures/inputs.ts";
import { markedTopic } from "./ticket_marker.ts";
import { reservationLockKey } from "./ticket_reservation.ts";

const newTicket = (world: TicketWorld) =>
  world.run(commandInput({ name: "ticket", subcommand: "new", member: world.alice }));

function channelOf(reply: Awaited<ReturnType<typeof newTicket>>): string {
  const match = /<#(\d+)>/.exec(contentOf(reply));
  assert.ok(match, `no channel link in ${JSON.stringify(reply)}`);
  return match[1]!;
}

/** After `/setup`, reserves a ticket for alice the way an open does first (no channel yet). */
async function reserveForAlice(world: TicketWorld) {
  await world.setUp();
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  const result = await world.stores.tickets.open({
    guildId: world.discord.guildId,
    typeId: type.id,
    openerId: world.alice.user.id,
    topic: null,
    answers: [],
  });
  assert.equal(result.kind, "opened");
  return { type, reserved: result.ticket };
}

Deno.test("openTicket() takes over a reservation whose open died, adopting the channel made for it", async () => {
  await using world = await openTicketWorld();
  // An open that reserved, created its channel (twice), and died before saving it.
  const { type, reserved } = await reserveForAlice(world);
  const marked = () =>
    world.discord.addChannel({
      name: "ticket-1",
      kind: "text",
      parentId: type.categoryId,
      topic: markedTopic("Ticket #1", reserved.id),
    });
  const made = marked();
  const stray = marked();

  const reply = await newTicket(world);
  assert.equal(channelOf(reply), made.id, "the channel made for it is adopted");
  assert.equal(world.discord.channels.has(stray.id), false, "a second one is deleted");
  assert.equal((await world.stores.tickets.get(reserved.id))?.channelId, made.id);
  assert.ok(world.discord.messagesIn(made.id)[0], "the welcome message is posted");
});

Deno.test("openTicket() leaves a reservation alone while its open holds the lock", async () => {
  await using world = await openTicketWorld();
  const { reserved } = await reserveForAlice(world);
  const holder = await world.stores.locks.acquire(reservationLockKey(reserved), 30_000);
  assert.ok(holder);
  const before = world.discord.callsOf("createChannel").length;
  const text = refusalText(await newTicket(world), "ticket_limit");
  assert.match(text, /being created right now/);
  assert.equal(world.discord.callsOf("createChannel").length, before);
});
