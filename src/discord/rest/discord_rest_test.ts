import assert from "node:assert/strict";
import { startFakeDiscord } from "../../../tests/fake_discord/fake_discord.ts";
import { SILENT_LOGGER } from "../../../tests/fixtures/rest_recorder.ts";
import { DiscordRequestError } from "../../core/discord_failure.ts";
import { channelId, guildId, roleId } from "../../core/ids.ts";
import { within } from "../../lib/deadline.ts";
import { createDiscordPort } from "./discord_port.ts";
import { createDiscordRest, type DiscordenoLogger } from "./discord_rest.ts";
import { callDiscord } from "./rest_failure.ts";
import { createRestTransport } from "./rest_transport.ts";

/** A fake Discord with one guild and channel, and the bot's REST shell against it. */
async function setup(options: { requestTimeoutMs?: number; logger?: DiscordenoLogger } = {}) {
  const fake = await startFakeDiscord();
  const discordRest = createDiscordRest({
    token: fake.token,
    baseUrl: fake.apiUrl,
    logger: options.logger ?? SILENT_LOGGER,
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestTimeoutMs: options.requestTimeoutMs }),
  });
  const guild = fake.createGuild({ name: "Acme" });
  const channel = fake.createChannel(guild, { name: "help" });
  const port = createDiscordPort(discordRest.rest, { retry: { maxAttempts: 3, minTimeout: 1 } });
  return {
    fake,
    rest: discordRest.rest,
    port,
    guild: guildId(guild.id),
    channel: channelId(channel.id),
    async [Symbol.asyncDispose]() {
      discordRest.close();
      await fake.close();
    },
  };
}

const ONCE = { retry: { maxAttempts: 1 } };

Deno.test("a request Discord never answers fails after the timeout, and its route goes on", async () => {
  await using t = await setup({ requestTimeoutMs: 200 });
  const held = t.fake.holdNext({ route: "POST /channels/:id/messages" });
  const route = `/channels/${t.channel}/messages`;
  await within(
    assert.rejects(
      callDiscord(t.rest, "POST", route, { body: { content: "stalled" }, ...ONCE }),
      (error) => error instanceof DiscordRequestError && error.failure.kind === "unavailable",
    ),
    5_000,
    "the stalled request to fail",
  );
  await held.arrived;
  const sent = await within(
    callDiscord<{ id: string }>(t.rest, "POST", route, { body: { content: "next" }, ...ONCE }),
    5_000,
    "the route's next request",
  );
  assert.ok(sent.id);
});

Deno.test("an answer that stalls after its headers settles the caller at the timeout", async () => {
  await using t = await setup({ requestTimeoutMs: 200 });
  t.fake.holdNext({ route: "GET /guilds/:id/channels", afterHeaders: true });
  await within(
    assert.rejects(
      callDiscord(t.rest, "GET", `/guilds/${t.guild}/channels`, ONCE),
      (error) => error instanceof DiscordRequestError && error.failure.kind === "unavailable",
    ),
    5_000,
    "the caller to settle",
  );
});

Deno.test("a shared-scope 429 is retried after Retry-After, not after the route's reset", async () => {
  await using t = await setup();
  t.fake.inject429({
    route: "POST /channels/:id/messages",
    count: 1,
    retryAfterMs: 1_500,
    scope: "shared",
  });
  await within(t.port.sendMessage(t.channel, { content: "later" }), 10_000, "the retried message");
  assert.deepEqual(t.fake.earlyRetries(), []);
  assert.equal(t.fake.state.messagesIn(t.channel).length, 1);
});

Deno.test("a Cloudflare 429 is not retried and is logged once as a probable IP ban", async () => {
  const errors: string[] = [];
  const logger = { ...SILENT_LOGGER, error: (...args: unknown[]) => errors.push(args.join(" ")) };
  await using t = await setup({ logger });
  t.fake.inject429({
    route: "POST /channels/:id/messages",
    count: 5,
    retryAfterMs: 3_600_000,
    cloudflare: true,
  });
  await within(
    assert.rejects(
      t.port.sendMessage(t.channel, { content: "hello" }),
      (error) => error instanceof DiscordRequestError && error.failure.kind === "rate_limited",
    ),
    5_000,
    "the banned request to fail",
  );
  const posts = t.fake.calls.filter((c) =>
    c.method === "POST" && c.route === "/channels/:id/messages"
  );
  assert.equal(posts.length, 1, "one request, no retries");
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? "", /banned by Cloudflare for 3600 s/);
});

Deno.test("interaction callbacks keep the invalid-request guard's count of requests in flight at zero", async () => {
  await using t = await setup();
  const transport = createRestTransport(t.rest);
  for (let i = 0; i < 3; i++) {
    // Unknown interactions: Discord answers 404 10062; the count must not drift either way.
    await transport.callback(`9${i}`, "token", { type: 4, data: { content: "x" } }).catch(() => {});
  }
  assert.equal(t.rest.invalidBucket.activeRequests, 0);
});

Deno.test("sendMessage() retried after a lost answer posts the message once", async () => {
  await using t = await setup({ requestTimeoutMs: 300 });
  const held = t.fake.holdNext({ route: "POST /channels/:id/messages", afterEffect: true });
  const sent = t.port.sendMessage(t.channel, { content: "only once" });
  await held.arrived;
  const id = await within(sent, 10_000, "the retried message");
  const messages = t.fake.state.messagesIn(t.channel);
  assert.equal(messages.length, 1);
  assert.equal(messages[0]?.id, id);
});

Deno.test("createChannel() retried after a lost answer uses the channel the first attempt made", async () => {
  await using t = await setup({ requestTimeoutMs: 300 });
  const held = t.fake.holdNext({ route: "POST /guilds/:id/channels", afterEffect: true });
  const created = t.port.createChannel(t.guild, {
    name: "ticket-7",
    kind: "text",
    topic: "Ticket 7",
    overwrites: [{ id: roleId(t.guild), type: "role", allow: 0n, deny: 1024n }],
  });
  await held.arrived;
  const channel = await within(created, 10_000, "the retried create");
  const named = t.fake.state.channelsOf(t.guild).filter((c) => c.name === "ticket-7");
  assert.equal(named.length, 1);
  assert.equal(named[0]?.id, channel.id);
  assert.ok(t.fake.calls.some((c) => c.method === "GET" && c.route === "/guilds/:id/channels"));
});
