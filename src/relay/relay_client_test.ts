import assert from "node:assert/strict";
import { channelId, guildId, userId } from "../core/ids.ts";
import type { TicketId } from "../core/model.ts";
import { closedPortUrl, json, startBackend } from "../../tests/fixtures/relay_backend.ts";
import {
  createRelayClient,
  parseRetryAfter,
  type RelayClientOptions,
  type RelayRequest,
} from "./relay_client.ts";
import { verifyRelaySignature } from "./sign.ts";

const REQUEST: RelayRequest = {
  guildId: guildId("100000000000000001"),
  channelId: channelId("100000000000000002"),
  userId: userId("100000000000000003"),
  content: 'My order #42 is "missing"',
  messageId: "100000000000000004",
  ticketId: 7 as TicketId,
  ticketNumber: 12,
};

/** Options for a fast test client: recorded, instant sleeps and fixed jitter. */
function testOptions(url: string, extra: Partial<RelayClientOptions> = {}) {
  const delays: number[] = [];
  const events: string[] = [];
  const options: RelayClientOptions = {
    url,
    secret: "s3cret",
    timeoutMs: 1_000,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    observer: {
      onAttempt: (attempt) => events.push(`attempt ${attempt}`),
      onRetry: (attempt, delayMs) => events.push(`retry ${attempt} ${delayMs}`),
      onResult: (outcome, seconds) => {
        assert.ok(seconds >= 0 && seconds < 30, `duration ${seconds} s`);
        events.push(`result ${outcome}`);
      },
    },
    ...extra,
  };
  return { options, delays, events };
}

Deno.test("send() posts signed JSON and returns the service's reply", async () => {
  await using backend = startBackend(async ({ request, body }) => {
    const timestamp = request.headers.get("x-ticketeer-timestamp") ?? "";
    const signature = request.headers.get("x-ticketeer-signature") ?? "";
    if (!(await verifyRelaySignature("s3cret", timestamp, body, signature))) {
      return json({ error: "bad signature" }, 401);
    }
    const message = JSON.parse(body);
    return json({ reply: `You said: ${message.content}` });
  });
  const { options, events } = testOptions(backend.url);
  const before = Math.floor(Date.now() / 1000);
  const result = await createRelayClient(options).send(REQUEST);

  assert.equal(result.kind, "reply");
  assert.equal(result.kind === "reply" && result.text, 'You said: My order #42 is "missing"');
  assert.equal(result.attempts, 1);
  assert.deepEqual(events, ["attempt 1", "result reply"]);

  const [received] = backend.received;
  assert.ok(received);
  assert.equal(received.headers.get("content-type"), "application/json");
  const timestamp = Number(received.headers.get("x-ticketeer-timestamp"));
  assert.ok(Number.isInteger(timestamp) && timestamp >= before && timestamp <= before + 5);
  assert.deepEqual(JSON.parse(received.body), {
    guild_id: "100000000000000001",
    channel_id: "100000000000000002",
    user_id: "100000000000000003",
    content: 'My order #42 is "missing"',
    message_id: "100000000000000004",
    ticket_id: "7",
    ticket_number: "12",
  });
});

Deno.test("send() leaves out the signature when no secret is set", async () => {
  await using backend = startBackend(() => json({ reply: "ok" }));
  const { options } = testOptions(backend.url, { secret: null });
  const result = await createRelayClient(options).send(REQUEST);
  assert.equal(result.kind, "reply");
  assert.equal(backend.received[0]?.headers.has("x-ticketeer-signature"), false);
  assert.ok(backend.received[0]?.headers.has("x-ticketeer-timestamp"));
});

Deno.test("send() times out a slow attempt and retries", async () => {
  await using backend = startBackend(async ({ index, closing }) => {
    if (index === 0) await closing; // hangs well beyond the timeout
    return json({ reply: "fast now" });
  });
  const { options, delays, events } = testOptions(backend.url, { timeoutMs: 150 });
  const result = await createRelayClient(options).send(REQUEST);
  assert.deepEqual(result.kind === "reply" && result.text, "fast now");
  assert.equal(result.attempts, 2);
  assert.ok(result.durationMs >= 150, `took ${result.durationMs} ms`);
  assert.deepEqual(delays, [375]);
  assert.deepEqual(events, ["attempt 1", "retry 1 375", "attempt 2", "result reply"]);
});

Deno.test("send() retries 500 twice with growing backoff, then takes the 200", async () => {
  await using backend = startBackend(({ index }) =>
    index < 2 ? new Response("oops", { status: 500 }) : json({ reply: "third time" })
  );
  const { options, delays } = testOptions(backend.url);
  const result = await createRelayClient(options).send(REQUEST);
  assert.equal(result.kind === "reply" && result.text, "third time");
  assert.equal(result.attempts, 3);
  // Backoff 500 ms then 1,000 ms, each jittered into its upper half (random() = 0.5).
  assert.deepEqual(delays, [375, 750]);
});

Deno.test("send() gives up after three attempts and reports the last status", async () => {
  await using backend = startBackend(() => new Response("down", { status: 503 }));
  const { options, events } = testOptions(backend.url);
  const result = await createRelayClient(options).send(REQUEST);
  assert.equal(result.kind, "failed");
  assert.equal(result.kind === "failed" && result.status, 503);
  assert.equal(result.attempts, 3);
  assert.equal(backend.received.length, 3);
  assert.equal(events.at(-1), "result failed");
});

Deno.test("send() honours Retry-After on 429, in seconds or as an HTTP date, capped", async () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  const answers = [
    new Response("slow down", { status: 429, headers: { "Retry-After": "3" } }),
    new Response("slow down", {
      status: 429,
      headers: { "Retry-After": new Date(now + 5_000).toUTCString() },
    }),
    json({ reply: "thanks for waiting" }),
  ];
  await using backend = startBackend(({ index }) => answers[index]!);
  const { options, delays } = testOptions(backend.url, { now: () => now });
  const result = await createRelayClient(options).send(REQUEST);
  assert.equal(result.kind === "reply" && result.text, "thanks for waiting");
  assert.deepEqual(delays, [3_000, 5_000]);

  await using slow = startBackend(() =>
    new Response("later", { status: 429, headers: { "Retry-After": "3600" } })
  );
  const capped = testOptions(slow.url, { maxDelayMs: 4_000 });
  const failed = await createRelayClient(capped.options).send(REQUEST);
  assert.equal(failed.kind === "failed" && failed.status, 429);
  assert.deepEqual(capped.delays, [4_000, 4_000]);
});

Deno.test("send() fails after retries when nothing listens", async () => {
  const { options, delays } = testOptions(closedPortUrl());
  const result = await createRelayClient(options).send(REQUEST);
  assert.equal(result.kind, "failed");
  assert.equal(result.kind === "failed" && result.status, null);
  assert.equal(result.attempts, 3);
  assert.equal(delays.length, 2);
});

Deno.test("send() fails at once on malformed JSON or a client error", async () => {
  await using backend = startBackend(({ index }) =>
    index === 0
      ? new Response("{not json", { status: 200 })
      : index === 1
      ? json({ reply: 42 })
      : json({ error: "bad request" }, 400)
  );
  const client = createRelayClient(testOptions(backend.url).options);
  const malformed = await client.send(REQUEST);
  assert.equal(malformed.kind, "failed");
  assert.equal(malformed.attempts, 1);
  assert.match(malformed.kind === "failed" ? malformed.reason : "", /not valid JSON/);
  const wrongType = await client.send(REQUEST);
  assert.match(wrongType.kind === "failed" ? wrongType.reason : "", /"reply" is not a string/);
  const rejected = await client.send(REQUEST);
  assert.equal(rejected.kind === "failed" && rejected.status, 400);
  assert.equal(rejected.attempts, 1);
  assert.equal(backend.received.length, 3);
});

Deno.test("send() is silent for an empty or missing reply", async () => {
  const answers = [
    json({ reply: "" }),
    json({}),
    json({ reply: null }),
    new Response(null, { status: 204 }),
  ];
  await using backend = startBackend(({ index }) => answers[index]!);
  const client = createRelayClient(testOptions(backend.url).options);
  for (let i = 0; i < answers.length; i++) {
    assert.equal((await client.send(REQUEST)).kind, "silent", `answer ${i}`);
  }
});

Deno.test("parseRetryAfter() reads seconds and HTTP dates", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter("2", now), 2_000);
  assert.equal(parseRetryAfter("1.5", now), 1_500);
  assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:07 GMT", now), 7_000);
  assert.equal(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now), 0);
  assert.equal(parseRetryAfter("soon", now), null);
});

Deno.test("send() passes on handoff: true with or without a reply, and nothing else as handoff", async () => {
  const answers = [
    json({ reply: "Staff will take over.", handoff: true }),
    json({ reply: "", handoff: true }),
    json({ reply: "ok", handoff: "true" }),
    json({ reply: "ok" }),
  ];
  await using backend = startBackend(({ index }) => answers[index]!);
  const client = createRelayClient(testOptions(backend.url).options);
  const results = [];
  for (let i = 0; i < answers.length; i++) {
    const { attempts: _a, durationMs: _d, ...rest } = await client.send(REQUEST);
    results.push(rest);
  }
  assert.deepEqual(results, [
    { kind: "reply", text: "Staff will take over.", handoff: true },
    { kind: "silent", handoff: true },
    { kind: "reply", text: "ok" },
    { kind: "reply", text: "ok" },
  ]);
});
