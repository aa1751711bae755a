import assert from "node:assert/strict";
import { httpOrigin } from "./boot.ts";
import { commandPayload, startGuildWorld } from "./world.ts";

Deno.test("HTTP interactions: a signed one is answered, bad and stale signatures get 401", async () => {
  await using world = await startGuildWorld({ httpInteractions: true, gateway: false });
  const { fake, app } = world;
  assert.equal(app.gateway, null);
  assert.ok(app.httpAddress);
  const origin = httpOrigin(app);
  const url = `${origin}/interactions`;

  const health = await fetch(`${origin}/health`);
  const report = await health.json();
  assert.equal(health.status, 200);
  assert.equal(report.gateway, "off");
  assert.equal(report.database, "ok");

  const payload = () =>
    commandPayload(world, { user: world.owner, name: "config", subcommand: "show" });

  const bad = await fake.interactHttp(url, payload(), { signature: "bad" });
  assert.equal(bad.status, 401);
  const stale = await fake.interactHttp(url, payload(), { signature: "stale" });
  assert.equal(stale.status, 401);

  const good = await fake.interactHttp(url, payload());
  assert.equal(good.status, 200);
  const answer = await good.handle.response;
  assert.ok(answer.elapsedMs < 3000, `answered after ${answer.elapsedMs} ms`);
  assert.equal(answer.via, "http");
  if (answer.type === 5) await good.handle.waitForEvent("edit_original", 5000);
  else assert.equal(answer.type, 4);

  const ping = await fake.interactHttp(url, { type: 1 });
  assert.equal(ping.status, 200);
  assert.deepEqual(ping.body, { type: 1 });
  fake.assertNoViolations();
});
