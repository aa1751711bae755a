import assert from "node:assert/strict";
import { registeredCommands } from "../../src/core/interactions/registry.ts";

import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { startTicketeer } from "../../src/app/start.ts";
import { InvalidTokenError } from "../../src/app/connect_discord.ts";
import { ephemeral, type Reply } from "../../src/core/reply.ts";
import { SQLITE } from "../fixtures/dialects.ts";
import { tokenFor } from "../fixtures/rest_recorder.ts";
import { within } from "../../src/lib/deadline.ts";
import { configFor, httpOrigin, startWorld } from "./boot.ts";
import { sendCommand, startGuildWorld } from "./world.ts";

const COMMANDS = await registeredCommands();

Deno.test("the bot boots, identifies, and registers its commands only when they changed", async () => {
  await using world = await startWorld({ dialect: SQLITE });
  const { fake } = world;
  const first = world.app;
  assert.equal(first.rest.isProxied, false, "discordeno's rate-limit queue must stay on");
  assert.equal(first.applicationId, fake.applicationId);
  assert.equal(first.gateway?.state(), "connected");
  assert.equal(first.commandsRegistered, true);
  assert.equal(fake.gateway.identifyCount, 1);
  const registrations = () =>
    fake.calls.filter((c) => c.method === "PUT" && c.route.endsWith("/commands")).length;
  assert.equal(registrations(), 1);
  assert.deepEqual(
    [...fake.state.commands.values()].map((c) => `${c.type} ${c.name}`).sort(),
    COMMANDS.map((c) => `${c.type} ${c.name}`).sort(),
  );

  const second = await world.restart();
  assert.equal(second.commandsRegistered, false);
  assert.equal(registrations(), 1, "a second boot on the same database must not re-register");
  assert.equal(fake.gateway.identifyCount, 2);
  fake.assertNoViolations();
});

Deno.test("a token Discord refuses stops startup with InvalidTokenError", async () => {
  const fake = await startFakeDiscord();
  try {
    const config = { ...configFor(fake), discordToken: tokenFor(fake.applicationId) };
    await assert.rejects(startTicketeer(config), InvalidTokenError);
    assert.equal(fake.calls.filter((c) => c.route === "/gateway/bot").length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("stop() lets an interaction in flight finish before closing", async () => {
  const release = Promise.withResolvers<void>();
  const started = Promise.withResolvers<void>();
  const dispatch = async (): Promise<Reply> => {
    started.resolve();
    await release.promise;
    return ephemeral("finished");
  };
  await using world = await startGuildWorld({
    http: true,
    start: { dispatch, interactionDeadlineMs: 100 },
  });
  const { fake, app } = world;
  const metrics = await (await fetch(`${httpOrigin(app)}/metrics`)).text();
  assert.match(metrics, /^ticketeer_gateway_up 1$/m);

  const slow = sendCommand(world, { user: world.owner, name: "config", subcommand: "show" });
  await within(started.promise, 3000, "the handler to start");
  const stopping = app.stop();
  assert.equal((await slow.response).type, 5, "the runner deferred on the handler's behalf");
  release.resolve();
  await within(stopping, 5000, "stop() to finish");
  const edit = await slow.waitForEvent("edit_original", 1000);
  assert.equal((edit.body as { content?: string }).content, "finished");
  assert.equal(app.gateway?.state(), "disconnected");
  fake.assertNoViolations();
});
