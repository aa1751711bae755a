import assert from "node:assert/strict";
import { startWorld } from "./boot.ts";
import { sendCommand, startGuildWorld } from "./world.ts";

Deno.test("a forced gateway disconnect resumes and loses no interaction sent meanwhile", async () => {
  await using world = await startGuildWorld();
  const { fake, app } = world;
  assert.equal(fake.gateway.identifyCount, 1);

  fake.disconnect(0, { code: 4000, resumable: true });
  // Dispatched while the shard is away: the fake keeps it for the resume's replay.
  const handle = sendCommand(world, { user: world.owner, name: "config", subcommand: "show" });
  const answer = await handle.response;
  assert.ok(answer.elapsedMs < 3000, `answered after ${answer.elapsedMs} ms`);
  assert.equal(fake.gateway.resumeCount, 1);
  assert.equal(fake.gateway.identifyCount, 1, "resumed, not re-identified");
  await fake.waitFor(() => app.gateway?.state() === "connected", 3000, "the gateway to be up");
  if (answer.type === 5) await handle.waitForEvent("edit_original", 5000);
  fake.assertNoViolations();
});

Deno.test("a session the gateway will not resume is identified again", async () => {
  await using world = await startWorld();
  const { fake, app } = world;
  fake.disconnect(0, { code: 4009, resumable: false });
  await fake.waitFor(() => fake.gateway.identifyCount === 2, 5000, "a second IDENTIFY");
  await fake.waitFor(() => app.gateway?.state() === "connected", 3000, "the gateway to be up");
  fake.assertNoViolations();
});
