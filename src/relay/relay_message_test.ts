import assert from "node:assert/strict";
import { configure, getLogger, type LogRecord, reset } from "@logtape/logtape";
import {
  type ChannelId,
  channelId,
  guildId,
  type MessageId,
  type RoleId,
  userId,
} from "../core/ids.ts";
import type { MessageInput, UserRef } from "../core/interaction.ts";
import type { MessageBody } from "../core/message_body.ts";
import type { Clock, Stores } from "../core/ports.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import type { Ticket } from "../core/model.ts";
import { openTestStores } from "../../tests/fixtures/test_stores.ts";
import { closedPortUrl, json, startBackend } from "../../tests/fixtures/relay_backend.ts";
import { createRelayClient } from "./relay_client.ts";
import { createMessageRelay, handoffNotice, RELAY_UNAVAILABLE_NOTICE } from "./relay_message.ts";
import { createRelayQueue, type RelayQueue } from "./relay_queue.ts";
import { verifyRelaySignature } from "./sign.ts";
import { within } from "../lib/deadline.ts";
import { english } from "../i18n/translator.ts";

const GUILD = guildId("200000000000000001");
const SECRET = "relay-test-secret";
const OPENER: UserRef = {
  id: userId("200000000000000010"),
  username: "opener",
  globalName: null,
  avatar: null,
  bot: false,
};
const STAFF = userId("200000000000000020");

/** The one `DiscordPort` method the relay uses, recording what it posts. */
function recordingDiscord() {
  const posted: Array<{ channelId: ChannelId; body: MessageBody }> = [];
  const waiters: Array<{ check: () => boolean; resolve: () => void }> = [];
  let next = 900000000000000000n;
  const discord: Pick<DiscordPort, "sendMessage"> = {
    sendMessage(channel, body) {
      posted.push({ channelId: channel, body });
      for (const waiter of [...waiters]) {
        if (waiter.check()) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
      return Promise.resolve(String(next++) as MessageId);
    },
  };
  const contents = (channel: ChannelId) =>
    posted.filter((p) => p.channelId === channel).map((p) => p.body.content ?? "");
  /** Resolves once `channel` has `count` messages posted (bounded by `within`). */
  const waitForPosts = (channel: ChannelId, count: number) => {
    const check = () => contents(channel).length >= count;
    if (check()) return Promise.resolve();
    const { promise, resolve } = Promise.withResolvers<void>();
    waiters.push({ check, resolve });
    return within(promise);
  };
  return { discord, posted, contents, waitForPosts };
}

/** A clock the test moves by hand. */
function manualClock(start = Date.parse("2026-03-01T12:00:00Z")) {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => void (now += ms) };
}

let channelCounter = 300000000000000000n;

/** Opens a ticket in GUILD with its own channel. */
async function openTicket(stores: Stores): Promise<Ticket> {
  const type = await stores.types.defaultFor(GUILD);
  const opened = await stores.tickets.open({
    guildId: GUILD,
    typeId: type.id,
    openerId: userId(String(400000000000000000n + channelCounter)),
    topic: null,
    answers: [],
  });
  assert.equal(opened.kind, "opened");
  if (opened.kind !== "opened") throw new Error("unreachable");
  return await stores.tickets.setChannel(opened.ticket.id, channelId(String(channelCounter++)));
}

let messageCounter = 500000000000000000n;

function message(
  channel: ChannelId,
  content: string,
  extra: Partial<MessageInput> = {},
): MessageInput {
  return {
    id: String(messageCounter++),
    guildId: GUILD,
    channelId: channel,
    author: OPENER,
    content,
    system: false,
    ...extra,
  };
}

/** Captures log records of the relay's category for the duration of `body`. */
async function withLogs(body: (records: LogRecord[]) => Promise<void>): Promise<void> {
  const records: LogRecord[] = [];
  await configure({
    reset: true,
    sinks: { memory: (record) => records.push(record) },
    loggers: [
      { category: ["ticketeer", "relay-test"], sinks: ["memory"], lowestLevel: "debug" },
      { category: ["logtape", "meta"], sinks: [], lowestLevel: "warning" },
    ],
  });
  try {
    await body(records);
  } finally {
    await reset();
  }
}

interface Harness {
  stores: Stores;
  queue: RelayQueue;
  recorder: ReturnType<typeof recordingDiscord>;
  clock: ReturnType<typeof manualClock>;
  relay: ReturnType<typeof createMessageRelay>;
}

/** Wires a relay to real stores, a recording Discord and `url`. */
async function withRelay(
  url: string,
  body: (h: Harness) => Promise<void>,
  clientOptions: { timeoutMs?: number } = {},
): Promise<void> {
  const fixture = await openTestStores();
  const stores: Stores = fixture;
  const queue = createRelayQueue();
  const recorder = recordingDiscord();
  const clock = manualClock();
  const client = createRelayClient({
    url,
    secret: SECRET,
    timeoutMs: clientOptions.timeoutMs ?? 2_000,
    sleep: () => Promise.resolve(),
  });
  const relay = createMessageRelay({
    client,
    queue,
    tickets: stores.tickets,
    types: stores.types,
    discord: recorder.discord,
    clock: clock.clock,
    log: getLogger(["ticketeer", "relay-test"]),
  });
  try {
    await body({ stores, queue, recorder, clock, relay });
  } finally {
    await within(queue.close());
    await fixture.close();
  }
}

Deno.test("onMessage() relays a ticket message and posts the answer without pings", async () => {
  await using backend = startBackend(async ({ request, body }) => {
    const ok = await verifyRelaySignature(
      SECRET,
      request.headers.get("x-ticketeer-timestamp") ?? "",
      body,
      request.headers.get("x-ticketeer-signature") ?? "",
    );
    if (!ok) return json({ error: "bad signature" }, 401);
    const { content, ticket_number } = JSON.parse(body);
    return json({ reply: `@everyone ticket ${ticket_number}: ${content}` });
  });
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    const channel = ticket.channelId!;
    const input = message(channel, "Where is my order?");
    const returned = relay.onMessage(input);
    assert.equal(returned, undefined);
    await within(queue.idle());

    assert.deepEqual(recorder.posted, [{
      channelId: channel,
      body: {
        content: `@everyone ticket ${ticket.number}: Where is my order?`,
        allowed_mentions: { parse: [] },
      },
    }]);
    assert.deepEqual(JSON.parse(backend.received[0]!.body), {
      guild_id: GUILD,
      channel_id: channel,
      user_id: OPENER.id,
      content: "Where is my order?",
      message_id: input.id,
      ticket_id: String(ticket.id),
      ticket_number: String(ticket.number),
    });
  });
});

Deno.test("onMessage() ignores bots, system messages, empty text and other channels", async () => {
  await using backend = startBackend(() => json({ reply: "should not be posted" }));
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    const channel = ticket.channelId!;
    relay.onMessage(message(channel, "from a bot", { author: { ...OPENER, bot: true } }));
    relay.onMessage(message(channel, "pinned a message", { system: true }));
    relay.onMessage(message(channel, "   "));
    relay.onMessage(message(channelId("399999999999999999"), "not a ticket"));
    await within(queue.idle());
    assert.equal(backend.received.length, 0);
    assert.deepEqual(recorder.posted, []);

    // The same ticket does relay a member's message, so the ignores above are real.
    relay.onMessage(message(channel, "a real question"));
    await within(queue.idle());
    assert.equal(backend.received.length, 1);
    assert.deepEqual(recorder.contents(channel), ["should not be posted"]);
  });
});

Deno.test("onMessage() splits a 5,000-character answer into messages of at most 2,000", async () => {
  const lines = Array.from(
    { length: 100 },
    (_, i) => `line ${String(i).padStart(3, "0")} ${"x".repeat(40)}`,
  );
  const answer = lines.join("\n");
  assert.ok(answer.length >= 4_900);
  await using backend = startBackend(() => json({ reply: answer }));
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    relay.onMessage(message(ticket.channelId!, "tell me everything"));
    await within(queue.idle());
    const parts = recorder.contents(ticket.channelId!);
    assert.equal(parts.length, 3);
    for (const part of parts) assert.ok(part.length <= 2_000, `${part.length} characters`);
    assert.equal(parts.join("\n"), answer);
  });
});

Deno.test("onMessage() does not relay in a ticket whose assistant is paused", async () => {
  await using backend = startBackend(() => json({ reply: "hello" }));
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const paused = await openTicket(stores);
    await stores.tickets.setAssistantPaused(paused.id, true);
    relay.onMessage(message(paused.channelId!, "anyone there?"));
    await within(queue.idle());
    assert.equal(backend.received.length, 0);
    assert.deepEqual(recorder.posted, []);

    await stores.tickets.setAssistantPaused(paused.id, false);
    relay.onMessage(message(paused.channelId!, "anyone there now?"));
    await within(queue.idle());
    assert.deepEqual(recorder.contents(paused.channelId!), ["hello"]);
  });
});

Deno.test("onMessage() honours a claim made while messages wait for the assistant", async () => {
  const firstArrived = Promise.withResolvers<void>();
  const claimed = Promise.withResolvers<void>();
  await using backend = startBackend(async ({ index, closing }) => {
    if (index === 0) {
      firstArrived.resolve();
      await Promise.race([closing, claimed.promise]);
    }
    return json({ reply: `answer ${index}` });
  });
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    const channel = ticket.channelId!;
    relay.onMessage(message(channel, "first question"));
    relay.onMessage(message(channel, "second question"));
    // Staff claim the ticket (which pauses the assistant) while the first is in flight.
    await within(firstArrived.promise);
    assert.equal(await stores.tickets.claim(ticket.id, STAFF, null), true);
    await stores.tickets.setAssistantPaused(ticket.id, true);
    claimed.resolve();
    await within(queue.idle());
    // The first answer arrived after the claim and is dropped; the second is never sent.
    assert.equal(backend.received.length, 1);
    assert.deepEqual(recorder.posted, []);
  });
});

Deno.test("onMessage() posts one notice for many failures while the service is down", async () => {
  await withLogs(async (records) => {
    await withRelay(closedPortUrl(), async ({ stores, queue, recorder, clock, relay }) => {
      const ticket = await openTicket(stores);
      const channel = ticket.channelId!;
      for (let i = 0; i < 4; i++) relay.onMessage(message(channel, `question ${i}`));
      await within(queue.idle());
      assert.deepEqual(recorder.contents(channel), [RELAY_UNAVAILABLE_NOTICE]);
      assert.deepEqual(recorder.posted[0]!.body.allowed_mentions, { parse: [] });

      const errors = records.filter((r) => r.level === "error");
      assert.equal(errors.length, 4, "one error line per failed message");
      assert.equal(errors[0]!.properties.status, null);
      assert.equal(errors[0]!.properties.attempts, 3);
      assert.equal(typeof errors[0]!.properties.durationMs, "number");

      // Nine minutes later the notice is not repeated; past ten minutes it is.
      clock.advance(9 * 60_000);
      relay.onMessage(message(channel, "still there?"));
      await within(queue.idle());
      assert.equal(recorder.contents(channel).length, 1);
      clock.advance(2 * 60_000);
      relay.onMessage(message(channel, "hello again?"));
      await within(queue.idle());
      assert.deepEqual(recorder.contents(channel), [
        RELAY_UNAVAILABLE_NOTICE,
        RELAY_UNAVAILABLE_NOTICE,
      ]);
    });
  });
});

Deno.test("onMessage() treats malformed JSON as a failure and posts the notice", async () => {
  await using backend = startBackend(() => new Response("<html>oops</html>", { status: 200 }));
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    relay.onMessage(message(ticket.channelId!, "hello?"));
    relay.onMessage(message(ticket.channelId!, "hello??"));
    await within(queue.idle());
    assert.equal(backend.received.length, 2, "malformed answers are not retried");
    assert.deepEqual(recorder.contents(ticket.channelId!), [RELAY_UNAVAILABLE_NOTICE]);
  });
});

Deno.test("onMessage() posts a ticket's answers in the order of its questions", async () => {
  await using backend = startBackend(async ({ body }) => {
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15)));
    return json({ reply: `answer to ${JSON.parse(body).content}` });
  });
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    for (let i = 0; i < 20; i++) relay.onMessage(message(ticket.channelId!, `q${i}`));
    await within(queue.idle(), 10_000);
    assert.deepEqual(
      recorder.contents(ticket.channelId!),
      Array.from({ length: 20 }, (_, i) => `answer to q${i}`),
    );
  });
});

Deno.test("onMessage() answers ticket B while the service hangs on ticket A", async () => {
  let hungChannel = "";
  await using backend = startBackend(async ({ body, closing }) => {
    const { channel_id, content } = JSON.parse(body);
    if (channel_id === hungChannel) await closing;
    return json({ reply: `answer to ${content}` });
  });
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const a = await openTicket(stores);
    const b = await openTicket(stores);
    hungChannel = a.channelId!;
    relay.onMessage(message(a.channelId!, "a1"));
    relay.onMessage(message(b.channelId!, "b1"));
    relay.onMessage(message(b.channelId!, "b2"));
    await recorder.waitForPosts(b.channelId!, 2);
    assert.deepEqual(recorder.contents(b.channelId!), ["answer to b1", "answer to b2"]);
    assert.deepEqual(recorder.contents(a.channelId!), []);
    assert.equal(queue.pending(), 0);
    await backend.close(); // releases ticket A's request
    await within(queue.idle());
  }, { timeoutMs: 5_000 });
});

Deno.test("onMessage() hands over on handoff: posts the reply, pauses and pings staff roles", async () => {
  await using backend = startBackend(({ index }) =>
    index === 0 ? json({ reply: "Staff will take over.", handoff: true }) : json({ reply: "again" })
  );
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    const channel = ticket.channelId!;
    const staffRoles = ["200000000000000031", "200000000000000032"] as RoleId[];
    await stores.types.update(ticket.typeId, { staffRoleIds: staffRoles });
    relay.onMessage(message(channel, "a human please"));
    await within(queue.idle());

    assert.equal((await stores.tickets.get(ticket.id))?.assistantPaused, true);
    assert.deepEqual(recorder.posted, [
      {
        channelId: channel,
        body: { content: "Staff will take over.", allowed_mentions: { parse: [] } },
      },
      {
        channelId: channel,
        body: {
          content: handoffNotice(english(), staffRoles),
          allowed_mentions: { parse: [], roles: staffRoles },
        },
      },
    ]);
    // Paused: the next message is not relayed at all.
    relay.onMessage(message(channel, "hello?"));
    await within(queue.idle());
    assert.equal(backend.received.length, 1);
  });
});

Deno.test("onMessage() pauses on a handoff without a reply, and ignores a handoff that is not true", async () => {
  await using backend = startBackend(({ index }) =>
    json(index === 0 ? { reply: "", handoff: "yes" } : { handoff: true })
  );
  await withRelay(backend.url, async ({ stores, queue, recorder, relay }) => {
    const ticket = await openTicket(stores);
    const channel = ticket.channelId!;
    relay.onMessage(message(channel, "first"));
    await within(queue.idle());
    assert.equal((await stores.tickets.get(ticket.id))?.assistantPaused, false);
    relay.onMessage(message(channel, "second"));
    await within(queue.idle());
    assert.equal((await stores.tickets.get(ticket.id))?.assistantPaused, true);
    // The default type has no staff roles: nobody to ping, nothing posted.
    assert.deepEqual(recorder.posted, []);
  });
});
