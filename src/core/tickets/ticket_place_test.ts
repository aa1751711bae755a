import assert from "node:assert/strict";
import { contentOf, openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import { commandInput } from "../../../tests/fixtures/inputs.ts";
import type { ChannelId } from "../ids.ts";
import { Permission } from "../permissions_bits.ts";
import { defaultTypeSettings, type TicketType, type TicketTypeId } from "../model.ts";
import { isRefusal, placeTickets } from "./ticket_place.ts";
import { loadLanguages } from "../../i18n/catalogs.ts";
import { LOCALES } from "../../i18n/locale.ts";

// The bot loads a language where it comes in (the dispatcher, the settings store); these call the renderers directly.
await loadLanguages(LOCALES);

const THREAD_BITS = Permission.CreatePrivateThreads | Permission.SendMessagesInThreads |
  Permission.ManageThreads;

function typeWith(patch: Partial<TicketType>): TicketType {
  return {
    ...defaultTypeSettings("Support"),
    id: 1 as TicketTypeId,
    guildId: "1" as TicketType["guildId"],
    isDefault: true,
    ...patch,
  };
}

Deno.test("placeTickets() refuses a thread type without a parent and a channel type without a category", () => {
  const thread = placeTickets(typeWith({ mode: "thread" }), { locale: "en-US" });
  assert.ok(isRefusal(thread) && /parent_channel/.test(thread.text));
  const channel = placeTickets(typeWith({}), { locale: "de" });
  assert.ok(isRefusal(channel) && /`\/setup`/.test(channel.text) && /Server/.test(channel.text));
  const placed = placeTickets(
    typeWith({ mode: "thread", parentChannelId: "5" as ChannelId }),
    { locale: "en-US" },
  );
  assert.ok(!isRefusal(placed) && placed.mode === "thread" && placed.parentChannelId === "5");
});

Deno.test("a thread-mode open makes a private thread with the opener, or says what is missing", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const parent = world.discord.addChannel({ name: "support", kind: "text" });
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  await world.stores.types.update(type.id, { mode: "thread", parentChannelId: parent.id });
  const open = () =>
    world.run(commandInput({ name: "ticket", subcommand: "new", member: world.alice }));

  const missing = refusalText(await open(), "bot_missing_permissions");
  assert.match(missing, /Create Private Threads, Send Messages in Threads, and Manage Threads/);
  assert.equal(world.discord.callsOf("createPrivateThread").length, 0);

  world.discord.botPermissions |= THREAD_BITS;
  const channelsBefore = world.discord.callsOf("createChannel").length;
  const opened = contentOf(await open());
  const thread = /<#(\d+)>/.exec(opened)?.[1] as ChannelId;
  assert.equal(world.discord.channels.get(thread)?.kind, "thread");
  assert.equal(world.discord.channels.get(thread)?.parentId, parent.id);
  assert.ok(world.discord.threadMembers.get(thread)?.has(world.alice.user.id));
  assert.equal(world.discord.callsOf("createChannel").length, channelsBefore, "no channel is made");

  await world.stores.types.update(type.id, { parentChannelId: "999" as ChannelId });
  const gone = refusalText(
    await world.run(commandInput({ name: "ticket", subcommand: "new", member: world.bob })),
    "not_configured",
  );
  assert.match(gone, /parent channel/);
});

Deno.test("a take-over adopts the thread a crashed thread-mode open made, and makes no second one", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  world.discord.botPermissions |= THREAD_BITS;
  const parent = world.discord.addChannel({ name: "support", kind: "text" });
  const type = await world.stores.types.defaultFor(world.discord.guildId);
  await world.stores.types.update(type.id, { mode: "thread", parentChannelId: parent.id });
  // The open died after Discord made its thread, before the ticket saved it.
  const reserved = await world.stores.tickets.open({
    guildId: world.discord.guildId,
    typeId: type.id,
    openerId: world.alice.user.id,
    topic: null,
    answers: [],
  });
  assert.equal(reserved.kind, "opened");
  const stray = await world.discord.createPrivateThread(parent.id, { name: "ticket-1" });

  const reply = contentOf(
    await world.run(commandInput({ name: "ticket", subcommand: "new", member: world.alice })),
  );
  assert.match(reply, new RegExp(`<#${stray.id}>`));
  assert.equal(world.discord.callsOf("createPrivateThread").length, 1, "no second thread");
  assert.ok(world.discord.threadMembers.get(stray.id)?.has(world.alice.user.id));
  assert.equal((await world.stores.tickets.byChannel(stray.id))?.openerId, world.alice.user.id);
});
