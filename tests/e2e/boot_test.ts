import assert from "node:assert/strict";
import { COMMANDS } from "../../src/core/commands.ts";
import { startFakeDiscord } from "../fake_discord/fake_discord.ts";
import { InvalidTokenError, startTicketeer } from "../../src/app.ts";
import { ephemeral, type Reply } from "../../src/core/reply.ts";
import { bootBot, configFor, startWorld, within } from "./boot.ts";
import { commandPayload } from "./payloads.ts";
import { tokenFor } from "./rest_recorder.ts";

Deno.test("the bot boots, identifies, and registers its commands only when they changed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ticketeer-e2e-" });
  const fake = await startFakeDiscord();
  try {
    const databasePath = `${dir}/ticketeer.db`;
    const first = await bootBot(fake, { databasePath });
    try {
      assert.equal(first.rest.isProxied, false, "discordeno's rate-limit queue must stay on");
      assert.equal(first.applicationId, fake.applicationId);
      assert.equal(first.gateway?.state(), "connected");
      assert.equal(first.commandsRegistered, true);
      assert.equal(fake.gateway.identifyCount, 1);
      const puts = fake.calls.filter((c) => c.method === "PUT" && c.route.endsWith("/commands"));
      assert.equal(puts.length, 1);
      assert.deepEqual(
        [...fake.state.commands.values()].map((c) => c.name).sort(),
        COMMANDS.map((c) => c.name).sort(),
      );
    } finally {
      await first.stop();
    }

    const second = await bootBot(fake, { databasePath });
    try {
      assert.equal(second.commandsRegistered, false);
      const puts = fake.calls.filter((c) => c.method === "PUT" && c.route.endsWith("/commands"));
      assert.equal(puts.length, 1, "a second boot on the same database must not re-register");
      assert.equal(fake.gateway.identifyCount, 2);
    } finally {
      await second.stop();
    }
    fake.assertNoViolations();
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
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
  await using world = await startWorld({
    http: true,
    start: { dispatch, interactionDeadlineMs: 100 },
  });
  const { fake, app } = world;
  const origin = `http://${app.httpAddress!.host}:${app.httpAddress!.port}`;
  const metrics = await (await fetch(`${origin}/metrics`)).text();
  assert.match(metrics, /^ticketeer_gateway_up 1$/m);

  const guild = fake.createGuild({ name: "Support HQ" });
  const general = fake.createChannel(guild, { name: "general" });
  const payload = () =>
    commandPayload(fake, {
      guild: guild.id,
      channel: general.id,
      user: guild.owner_id,
      name: "config",
      subcommand: "show",
    });
  const slow = fake.interact(payload());
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
