import assert from "node:assert/strict";
import { ephemeral } from "../../src/core/reply.ts";
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
  assert.equal(good.status, 202);
  const answer = await good.handle.response;
  assert.ok(answer.elapsedMs < 3000, `answered after ${answer.elapsedMs} ms`);
  assert.equal(answer.via, "rest", "the first answer goes by REST callback before the 202");
  if (answer.type === 5) await good.handle.waitForEvent("edit_original", 5000);
  else assert.equal(answer.type, 4);

  const ping = await fake.interactHttp(url, { type: 1 });
  assert.equal(ping.status, 200);
  assert.deepEqual(ping.body, { type: 1 });
  fake.assertNoViolations();
});

Deno.test("HTTP interactions: an answer edited right after deferring reaches Discord (no Unknown Webhook)", async () => {
  // Discord takes a while to process an answer given in the HTTP body; an edit of
  // @original that arrives first gets 404 Unknown Webhook (10015).
  await using world = await startGuildWorld({
    httpInteractions: true,
    gateway: false,
    fake: { httpAnswerLagMs: 1000 },
    start: {
      dispatch: async (_input, ctx) => {
        await ctx.defer({ ephemeral: true });
        return ephemeral("Done at once");
      },
    },
  });
  const { fake, app } = world;
  const sent = await fake.interactHttp(
    `${httpOrigin(app)}/interactions`,
    commandPayload(world, { user: world.owner, name: "config", subcommand: "show" }),
  );
  assert.equal(sent.status, 202);
  const edit = await sent.handle.waitForEvent("edit_original", 5000);
  assert.equal((edit.body as { content?: string }).content, "Done at once");
  fake.assertNoViolations();
});
