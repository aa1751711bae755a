import assert from "node:assert/strict";
import { Permission } from "../../src/core/permissions_bits.ts";
import { TYPICAL_BOT_PERMISSIONS } from "../fake_discord/state.ts";
import { channelsNamed, sendCommand, startGuildWorld } from "./world.ts";

Deno.test("a 429 storm slows /setup down but it completes, with no request sent too early", async () => {
  await using world = await startGuildWorld({
    botPermissions: TYPICAL_BOT_PERMISSIONS | Permission.Administrator,
  });
  const { fake } = world;

  fake.inject429({ route: "POST /guilds/:id/channels", count: 2, retryAfterMs: 400 });
  fake.inject429({ route: "GET /guilds/:id/roles", count: 1, retryAfterMs: 300 });
  fake.inject429({ route: "POST /guilds/:id/roles", count: 1, retryAfterMs: 250, global: true });

  const handle = sendCommand(world, { user: world.owner, name: "setup" });
  const first = await handle.response;
  assert.ok(first.elapsedMs < 3000, `first answer after ${first.elapsedMs} ms`);
  assert.equal(first.type, 5, "setup defers while it works");
  await handle.waitForEvent("edit_original", 8000);

  const limited = fake.calls.filter((c) => c.status === 429);
  assert.equal(limited.length, 4, "every injected 429 was hit");
  assert.ok(channelsNamed(world, "Tickets", 4).length > 0);
  assert.ok(channelsNamed(world, "ticket-logs", 0).length > 0);
  assert.deepEqual(fake.earlyRetries(), []);
  fake.assertNoViolations();
});
