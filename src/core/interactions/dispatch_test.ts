import assert from "node:assert/strict";
import { dispatch } from "./dispatch.ts";
import { openTicketWorld, refusalText } from "../../../tests/fixtures/ticket_world.ts";
import {
  commandInput,
  componentInput,
  contextMenuInput,
  memberRef,
  modalInput,
  userRef,
} from "../../../tests/fixtures/inputs.ts";
import { RecordingDiscord } from "../../../tests/fixtures/recording_discord.ts";
import { testContext } from "../../../tests/fixtures/test_context.ts";
import type { Stores } from "../ports.ts";

Deno.test("dispatch() answers unknown commands, stale buttons and foreign modals politely", async () => {
  await using world = await openTicketWorld();
  for (
    const input of [
      commandInput({ name: "frobnicate", member: world.alice }),
      commandInput({ name: "ticket", subcommand: "explode", member: world.alice }),
      componentInput({ customId: "t0:close:1", member: world.alice }),
      componentInput({ customId: "garbage", member: world.alice }),
      modalInput({ customId: "t1:close:1", fields: {}, member: world.alice }),
      // A user command under the message command's name is another command.
      contextMenuInput({
        name: "Open a ticket about this",
        member: world.alice,
        target: { kind: "user", user: world.bob.user, memberRoles: [] },
      }),
      contextMenuInput({
        name: "Report this",
        member: world.alice,
        target: { kind: "user", user: world.bob.user, memberRoles: [] },
      }),
    ]
  ) {
    refusalText(await world.run(input), "unknown_component");
  }
});

Deno.test("dispatch() turns a throw into an apology with an error id that is logged", async () => {
  const failingStore = new Proxy({}, {
    get: () => () => Promise.reject(new Error("database is on fire")),
  });
  const failing = new Proxy({}, { get: () => failingStore }) as Stores;
  const ctx = testContext({ stores: failing, discord: new RecordingDiscord() });
  const alice = memberRef(userRef("400000000000000777", "alice"));
  const reply = await dispatch(
    commandInput({ name: "ticket", subcommand: "new", member: alice }),
    ctx,
  );
  const text = refusalText(reply, "internal_error");
  const id = /error id: ([0-9a-f]{8})\./.exec(text)?.[1];
  assert.ok(id, text);
  const logged = ctx.logs.find((l) => l.level === "error");
  assert.equal(logged?.properties.errorId, id);
  assert.equal(logged?.properties.name, "ticket new");
  assert.match(String(logged?.properties.error), /database is on fire/);
  assert.equal(JSON.stringify(logged?.properties).includes("interaction-token"), false, "no token");
});

Deno.test("dispatch() answers a Discord permission failure precisely", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  const ticket = await world.openTicketAs(world.alice);
  world.discord.failNext("editOverwrite", { kind: "missing_permissions" });
  const reply = await world.run(commandInput({
    name: "ticket",
    subcommand: "add",
    member: world.staff,
    channelId: ticket.channelId!,
    options: {
      user: { type: "user", value: world.bob.user.id, user: world.bob.user, member: true },
    },
  }));
  assert.match(refusalText(reply, "bot_missing_permissions"), /Manage Channels \/ Manage Roles/);
  assert.ok(world.ctx.logs.some((l) => l.level === "warn"));
  assert.deepEqual(await world.stores.tickets.members(ticket.id), [], "nothing recorded");
});

Deno.test("dispatch() answers rate limits and outages with what to do", async () => {
  await using world = await openTicketWorld();
  await world.setUp();
  world.discord.failNext("roles", { kind: "rate_limited", retryAfterMs: 4200 });
  const limited = await world.run(commandInput({ name: "setup", member: world.admin }));
  assert.match(refusalText(limited, "rate_limited"), /5 seconds/);
  world.discord.failNext("guildChannels", { kind: "unavailable", status: 502 });
  refusalText(
    await world.run(commandInput({ name: "setup", member: world.admin })),
    "discord_unavailable",
  );
});
