/**
 * The assistant relay end to end: the real bot against the fake Discord, with a
 * real assistant service on 127.0.0.1 (`Deno.serve`) and `config.relay` set.
 */
import assert from "node:assert/strict";
import type { Ticket } from "../../src/core/model.ts";
import {
  type BackendCall,
  closedPortUrl,
  json,
  startBackend,
  type TestBackend,
} from "../fixtures/relay_backend.ts";
import { httpOrigin, startWorld, type World } from "./boot.ts";
import {
  answerOf,
  botMessagesIn,
  command,
  eventually,
  guildWithTicket,
  postPanel,
  pressPanel,
  type TicketGuild,
  ticketOf,
} from "./world.ts";

const SECRET = "relay-secret-for-tests";
const NOTICE = "The assistant is unavailable right now; staff will answer you here.";

/** The bot with `RELAY_URL`, `RELAY_SECRET` and `RELAY_TIMEOUT_MS` set, and its HTTP server. */
function relayWorld(url: string, timeoutMs = 5000): Promise<World> {
  return startWorld({ http: true, relay: { url, secret: SECRET, timeoutMs } });
}

async function hmacHex(secret: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
  return [...mac].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Waits until the live archive holds the message (so the bot has seen it). */
async function seen(world: World, channel: string, messageId: string): Promise<void> {
  const ticket = await ticketOf(world.app, channel);
  await eventually(
    world.fake,
    async () =>
      (await world.app.stores.archive.messages(ticket.id)).some((m) => m.messageId === messageId),
    5000,
    `message ${messageId} to reach the bot`,
  );
}

function relayedIds(backend: TestBackend): string[] {
  return backend.received.map((r) => String(JSON.parse(r.body).message_id));
}

async function metricsText(world: World): Promise<string> {
  const response = await fetch(`${httpOrigin(world.app)}/metrics`);
  assert.equal(response.status, 200);
  return await response.text();
}

/** A world with one open ticket, and the people in it. */
async function withTicket(
  world: World,
): Promise<{ g: TicketGuild; channel: string; ticket: Ticket }> {
  const { g, channel, ticket } = await guildWithTicket(world, 2);
  return { g, channel: channel.id, ticket };
}

Deno.test("a member's message reaches the assistant signed, and its answer is posted in parts", async () => {
  const long = Array.from({ length: 556 }, (_, i) => `word${String(i).padStart(4, "0")}`).join(" ");
  const answer = long + "!";
  assert.ok(answer.length > 5000);
  await using backend = startBackend((call: BackendCall) =>
    json({ reply: call.index === 0 ? "Hello @everyone, <@&1> has your answer." : answer })
  );
  await using world = await relayWorld(backend.url);
  const { fake } = world;
  const { g, channel, ticket } = await withTicket(world);
  const opener = g.members[0]!;

  const first = fake.postMessage(channel, opener, "Where is my parcel?");
  await fake.waitFor(
    () => botMessagesIn(fake, channel).find((m) => m.content.startsWith("Hello")),
    5000,
    "the assistant's first answer in the ticket",
  );
  const request = backend.received[0];
  assert.ok(request);
  const body = JSON.parse(request.body);
  assert.deepEqual(body, {
    guild_id: g.guild,
    channel_id: channel,
    user_id: opener,
    content: "Where is my parcel?",
    message_id: first.id,
    ticket_id: String(ticket.id),
    ticket_number: String(ticket.number),
  });
  for (const [field, value] of Object.entries(body)) {
    assert.equal(typeof value, "string", `${field} is a string`);
  }
  const timestamp = request.headers.get("x-ticketeer-timestamp") ?? "";
  assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 60, "a current timestamp");
  assert.equal(
    request.headers.get("x-ticketeer-signature"),
    await hmacHex(SECRET, `${timestamp}.${request.body}`),
  );
  const replyCall = fake.calls.find((c) =>
    c.method === "POST" && c.path === `/channels/${channel}/messages` &&
    JSON.stringify(c.body).includes("Hello @everyone")
  );
  assert.deepEqual((replyCall?.body as Record<string, unknown>).allowed_mentions, { parse: [] });

  // A 5,000-character answer arrives as parts of at most 2,000 characters, in order.
  fake.postMessage(channel, opener, "Tell me everything.");
  const parts = await fake.waitFor(
    () => {
      const posted = botMessagesIn(fake, channel).filter((m) =>
        m.content.startsWith("word") ||
        m.content.endsWith("!")
      );
      return posted.at(-1)?.content.endsWith("!") ? posted : undefined;
    },
    5000,
    "every part of the long answer",
  );
  assert.ok(parts.length >= 3);
  for (const part of parts) assert.ok(part.content.length <= 2000, `${part.content.length}`);
  assert.equal(parts.map((p) => p.content).join(" ").replace(/\s+/g, " "), answer);
  for (const part of parts) assert.equal(part.author_id, fake.botUser.id);
  assert.equal(backend.received.length, 2, "the bot's own messages are not relayed");

  // Operators see the relay in /health and /metrics.
  const health = await fetch(`${httpOrigin(world.app)}/health`);
  assert.equal(health.status, 200);
  assert.equal((await health.json()).relay, "configured");
  assert.match(await metricsText(world), /^ticketeer_relay_requests_total\{outcome="reply"\} 2$/m);
  fake.assertNoViolations();
});

Deno.test("an unreachable assistant posts one notice for several messages", async () => {
  await using world = await relayWorld(closedPortUrl());
  const { fake, app } = world;
  const { g, channel } = await withTicket(world);
  const opener = g.members[0]!;
  const messages = [1, 2, 3].map((i) => fake.postMessage(channel, opener, `hello? ${i}`));
  await seen(world, channel, messages[2]!.id);
  await eventually(
    fake,
    async () =>
      (await metricsText(world)).includes(`ticketeer_relay_requests_total{outcome="failed"} 3`),
    15_000,
    "three failed relays",
  );
  // Stopping waits for the relays still queued, so nothing can come after.
  await app.stop();
  const notices = botMessagesIn(fake, channel).filter((m) => m.content === NOTICE);
  assert.equal(notices.length, 1);
  fake.assertNoViolations();
});

Deno.test("a paused or claimed ticket is not relayed", async () => {
  await using backend = startBackend(() => json({ reply: "" }));
  await using world = await relayWorld(backend.url);
  const { fake, app } = world;
  const { g, channel } = await withTicket(world);
  const opener = g.members[0]!;
  const at = { channel, user: g.staff, name: "ticket" };

  const off = await command(g, { ...at, subcommand: "assistant", options: { state: "off" } });
  assert.match(off.text, /paused the assistant/);
  const whilePaused = fake.postMessage(channel, opener, "is anyone there?");
  await seen(world, channel, whilePaused.id);

  await command(g, { ...at, subcommand: "assistant", options: { state: "on" } });
  const whileOn = fake.postMessage(channel, opener, "now?");
  await fake.waitFor(
    () => relayedIds(backend).includes(whileOn.id),
    5000,
    "the message sent with the assistant on",
  );

  const claim = await command(g, { ...at, subcommand: "claim" });
  assert.match(claim.text, new RegExp(`<@${g.staff}> is handling this ticket`));
  const whileClaimed = fake.postMessage(channel, opener, "thanks for taking this");
  await seen(world, channel, whileClaimed.id);

  // Stopping waits for the relays still queued: whatever was going to be sent, was.
  await app.stop();
  assert.deepEqual(relayedIds(backend), [whileOn.id]);
  fake.assertNoViolations();
});

Deno.test("a hung assistant does not delay another member's panel click", async () => {
  await using backend = startBackend(async (call) => {
    await call.closing;
    return json({});
  });
  await using world = await relayWorld(backend.url, 10_000);
  const { fake } = world;
  const { g, channel } = await withTicket(world);
  const panel = await postPanel(g);

  fake.postMessage(channel, g.members[0]!, "hello assistant");
  await fake.waitFor(() => backend.received.length === 1, 5000, "the relay request");
  const click = await answerOf(pressPanel(g, panel, g.members[1]!));
  assert.ok(click.firstAnswerMs < 3000);
  assert.match(click.text, /<#\d+>/, "the click opened a ticket");
  assert.equal(backend.received.length, 1);
  assert.ok(
    !(await metricsText(world)).includes("ticketeer_relay_requests_total{"),
    "the relay request is still hanging",
  );
  // Release the hung request before the bot stops (it waits for queued relays).
  await backend.close();
  fake.assertNoViolations();
});
