import assert from "node:assert/strict";
import { startFakeDiscord } from "../../../tests/fake_discord/fake_discord.ts";
import { startFakeProxy } from "../../../tests/fixtures/fake_proxy.ts";
import { slashCommand } from "../../../tests/fixtures/interactions.ts";
import { SILENT_LOGGER } from "../../../tests/fixtures/rest_recorder.ts";
import { DiscordRequestError, isDiscordFailure } from "../../core/discord_failure.ts";
import { channelId } from "../../core/ids.ts";
import { within } from "../../lib/deadline.ts";
import { createDiscordPort } from "./discord_port.ts";
import { createDiscordRest } from "./discord_rest.ts";
import { createRestTransport } from "./rest_transport.ts";

const PROXY_SECRET = "Proxy shared-secret";

/** The bot's REST shell in proxy mode, behind a fake proxy in front of a fake Discord. */
async function setup(options: { authorization?: string | null; requestTimeoutMs?: number } = {}) {
  const fake = await startFakeDiscord();
  const authorization = options.authorization === undefined ? PROXY_SECRET : options.authorization;
  const proxy = startFakeProxy({ upstream: fake.apiUrl, botToken: fake.token, authorization });
  const discordRest = createDiscordRest({
    token: fake.token,
    baseUrl: proxy.apiUrl,
    logger: SILENT_LOGGER,
    proxy: { authorization },
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestTimeoutMs: options.requestTimeoutMs }),
  });
  const common = { retry: { maxAttempts: 3, minTimeout: 1 }, retryUnanswered: false };
  const guild = fake.createGuild({ name: "Acme" });
  const channel = fake.createChannel(guild, { name: "help" });
  const user = fake.createMember(guild, { username: "alice" });
  return {
    fake,
    proxy,
    discordRest,
    port: createDiscordPort(discordRest.rest, common),
    transport: createRestTransport(discordRest.rest, common),
    place: { guild, channel, user },
    async [Symbol.asyncDispose]() {
      discordRest.close();
      await proxy.close();
      await fake.close();
    },
  };
}

Deno.test("behind a proxy the bot sends the proxy's Authorization, never its token, and keeps no buckets", async () => {
  await using t = await setup();
  assert.equal(t.discordRest.pacing, "proxy");
  const bot = await t.port.botUser();
  assert.equal(bot.id, t.fake.botUser.id);
  await t.port.sendMessage(channelId(t.place.channel.id), { content: "hello" });
  const handle = t.fake.interact(slashCommand(t.fake, { ...t.place, name: "ticket" }));
  await t.transport.callback(handle.id, handle.token, { type: 5, data: { flags: 64 } });
  assert.equal((await handle.response).via, "rest");
  await t.transport.editOriginal(t.fake.applicationId, handle.token, { content: "done" });

  assert.deepEqual(t.proxy.received.filter((r) => r.answeredBy !== null), []);
  assert.ok(t.proxy.received.every((r) => r.authorization === PROXY_SECRET));
  assert.ok(!t.proxy.received.some((r) => r.authorization?.includes(t.fake.token)));
  assert.equal(t.discordRest.rest.queues.size, 0, "no local rate-limit queue");
  t.fake.assertNoViolations();
});

Deno.test("behind a proxy a 5xx of the proxy is retried and a 429 is not", async () => {
  await using t = await setup();
  t.proxy.failNext(2, 502);
  await t.port.sendMessage(channelId(t.place.channel.id), { content: "after two 502s" });
  assert.deepEqual(
    t.proxy.received.map((r) => r.status),
    [502, 502, 200],
    "retried until the proxy forwarded it",
  );

  t.proxy.received.length = 0;
  t.proxy.limitNext(1);
  await assert.rejects(
    t.port.sendMessage(channelId(t.place.channel.id), { content: "limited" }),
    (error) => isDiscordFailure(error, "rate_limited"),
  );
  assert.equal(t.proxy.received.length, 1, "the proxy's 429 is not retried by the bot");
});

Deno.test("behind a proxy a request with no answer times out once and is not retried", async () => {
  await using t = await setup({ requestTimeoutMs: 200 });
  t.proxy.stallNext();
  await within(
    assert.rejects(
      t.port.sendMessage(channelId(t.place.channel.id), { content: "stalled" }),
      (error) => error instanceof DiscordRequestError && error.failure.kind === "unavailable",
    ),
    5_000,
    "the stalled request to fail",
  );
  assert.equal(t.proxy.received.length, 1, "it may have reached Discord: no second attempt");
});

Deno.test("behind a proxy Discord's errors map to failures as they do without one", async () => {
  await using t = await setup();
  assert.equal(await t.port.channel(channelId("1")), null, "Unknown Channel reads as absent");
  t.proxy.failNext(3, 503);
  await assert.rejects(
    t.port.guildChannels(t.place.guild.id as never),
    (error) => error instanceof DiscordRequestError && error.failure.kind === "unavailable",
  );
});

Deno.test("behind a pass-through proxy (no proxy Authorization) the bot sends its own token", async () => {
  await using t = await setup({ authorization: null });
  await t.port.sendMessage(channelId(t.place.channel.id), { content: "hello" });
  const handle = t.fake.interact(slashCommand(t.fake, { ...t.place, name: "ticket" }));
  await t.transport.callback(handle.id, handle.token, { type: 5, data: { flags: 64 } });
  assert.deepEqual(t.proxy.received.filter((r) => r.answeredBy !== null), []);
  const callback = t.proxy.received.find((r) => r.path.includes("/callback"));
  assert.equal(callback?.authorization, null, "interaction callbacks carry no token");
  assert.ok(
    t.proxy.received.filter((r) => !r.path.includes("/callback")).every((r) =>
      r.authorization === `Bot ${t.fake.token}`
    ),
  );
});
