import assert from "node:assert/strict";
import { recordAction } from "./audit_log.ts";
import { openTicketWorld } from "../../tests/fixtures/ticket_world.ts";
import type { UserId } from "./ids.ts";

Deno.test("recordAction() audits and posts one line to the log channel", async () => {
  await using world = await openTicketWorld();
  const logs = world.discord.addChannel({ name: "logs", kind: "text" });
  const guildId = world.discord.guildId;
  await world.stores.settings.updateGuild(guildId, { logChannelId: logs.id });
  const event = {
    guildId,
    ticketId: null,
    actorId: "5" as UserId,
    action: "test.done",
    detail: { a: 1 },
  };
  await recordAction(world.ctx, event, "<@5> did a thing");
  assert.deepEqual(world.discord.messagesIn(logs.id).map((m) => m.body), [
    { content: "<@5> did a thing", allowed_mentions: { parse: [] } },
  ]);
  const [audit] = await world.stores.audit.recent(guildId, 5);
  assert.equal(audit?.action, "test.done");
  assert.deepEqual(audit?.detail, { a: 1 });
});

Deno.test("recordAction() never fails because of the log channel", async () => {
  await using world = await openTicketWorld();
  const guildId = world.discord.guildId;
  const logs = world.discord.addChannel({ name: "logs", kind: "text" });
  await world.stores.settings.updateGuild(guildId, { logChannelId: logs.id });
  world.discord.failNext("sendMessage", { kind: "missing_access" });
  const event = { guildId, ticketId: null, actorId: null, action: "test.done", detail: {} };
  await recordAction(world.ctx, event, "line");
  assert.equal(world.ctx.logs.filter((l) => l.level === "warn").length, 1);
  world.discord.channels.delete(logs.id);
  await recordAction(world.ctx, event, "line");
  assert.equal(world.ctx.logs.filter((l) => l.level === "warn").length, 2);
  assert.equal((await world.stores.audit.recent(guildId, 5)).length, 2, "both audited");
});
