import assert from "node:assert/strict";
import { Permission } from "../../src/core/permissions_bits.ts";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import { startWorld } from "./boot.ts";
import { commandPayload } from "./payloads.ts";

Deno.test("a 429 storm slows /setup down but it completes, with no request sent too early", async () => {
  await using world = await startWorld();
  const { fake } = world;
  const guild = fake.createGuild({
    name: "Support HQ",
    botPermissions: TYPICAL_BOT_PERMISSIONS | Permission.Administrator,
  });
  const general = fake.createChannel(guild, { name: "general" });

  fake.inject429({ route: "POST /guilds/:id/channels", count: 2, retryAfterMs: 400 });
  fake.inject429({ route: "GET /guilds/:id/roles", count: 1, retryAfterMs: 300 });
  fake.inject429({ route: "POST /guilds/:id/roles", count: 1, retryAfterMs: 250, global: true });

  const handle = fake.interact(
    commandPayload(fake, {
      guild: guild.id,
      channel: general.id,
      user: guild.owner_id,
      name: "setup",
    }),
  );
  const first = await handle.response;
  assert.ok(first.elapsedMs < 3000, `first answer after ${first.elapsedMs} ms`);
  assert.equal(first.type, 5, "setup defers while it works");
  await handle.waitForEvent("edit_original", 8000);

  const limited = fake.calls.filter((c) => c.status === 429);
  assert.equal(limited.length, 4, "every injected 429 was hit");
  const channels = [...fake.state.channels.values()].filter((c) => c.guild_id === guild.id);
  assert.ok(channels.some((c) => c.type === 4 && c.name === "Tickets"));
  assert.ok(channels.some((c) => c.type === 0 && c.name === "ticket-logs"));
  assert.deepEqual(fake.earlyRetries(), []);
  fake.assertNoViolations();
});
