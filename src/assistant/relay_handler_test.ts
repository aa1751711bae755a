import assert from "node:assert/strict";
import { configure, getLogger, type LogRecord, reset } from "@logtape/logtape";
import { signRelayBody } from "../relay/sign.ts";
import type { Answerer } from "./answer.ts";
import type { RelayBody } from "./relay_body.ts";
import { createRelayHandler, MAX_BODY_BYTES } from "./relay_handler.ts";

const SECRET = "assistant-test-secret";
const NOW = 1_800_000_000_000;
const BODY = {
  guild_id: "1100000000000000001",
  channel_id: "1100000000000000002",
  user_id: "1100000000000000003",
  content: "my secret question",
  message_id: "1100000000000000004",
  ticket_id: "17",
  ticket_number: "42",
};

/** Runs `fn` with LogTape capturing the assistant's records. */
async function withLog(fn: (records: LogRecord[]) => Promise<void>): Promise<void> {
  const records: LogRecord[] = [];
  await configure({
    reset: true,
    sinks: { capture: (record) => records.push(record) },
    loggers: [
      { category: ["ticketeer"], lowestLevel: "info", sinks: ["capture"] },
      { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["capture"] },
    ],
  });
  try {
    await fn(records);
  } finally {
    await reset();
  }
}

function handlerWith(
  answer: Answerer = (body) =>
    Promise.resolve({ reply: `About ticket ${body.ticket_number}`, source: "docs" }),
) {
  const seen: RelayBody[] = [];
  const handler = createRelayHandler({
    secret: SECRET,
    answer: (body) => {
      seen.push(body);
      return answer(body);
    },
    log: getLogger(["ticketeer", "assistant"]),
    health: () => ({ model: "none", passages: 3 }),
    now: () => NOW,
  });
  return { handler, seen };
}

async function signed(
  body: string,
  options: { timestamp?: number; secret?: string; signature?: string } = {},
): Promise<Request> {
  const timestamp = String(options.timestamp ?? NOW / 1000);
  const signature = options.signature ??
    await signRelayBody(options.secret ?? SECRET, timestamp, body);
  return new Request("http://assistant.test/relay", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Ticketeer-Timestamp": timestamp,
      "X-Ticketeer-Signature": signature,
    },
    body,
  });
}

Deno.test("POST /relay answers a signed message with the reply", async () => {
  await withLog(async (records) => {
    const { handler, seen } = handlerWith();
    const response = await handler(await signed(JSON.stringify(BODY)));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/json");
    assert.deepEqual(await response.json(), { reply: "About ticket 42" });
    assert.deepEqual(seen, [BODY]);
    assert.equal(records.length, 1, "one log line per request");
    const line = JSON.stringify(records[0]?.properties);
    assert.match(line, /"status":200/);
    assert.doesNotMatch(line, /secret question/, "no message content at info");
  });
});

Deno.test("POST /relay passes a handoff on as handoff: true", async () => {
  const { handler } = handlerWith(() =>
    Promise.resolve({ reply: "Staff will take over.", handoff: true, source: "handoff" })
  );
  const response = await handler(await signed(JSON.stringify(BODY)));
  assert.deepEqual(await response.json(), { reply: "Staff will take over.", handoff: true });
});

Deno.test("POST /relay refuses a bad, missing or stale signature with 401 JSON", async () => {
  const body = JSON.stringify(BODY);
  const { handler, seen } = handlerWith();
  const requests = [
    await signed(body, { secret: "another-secret" }),
    await signed(body, { signature: "" }),
    await signed(body, { signature: "not hex" }),
    await signed(body, { timestamp: NOW / 1000 - 301 }),
    await signed(body, { timestamp: NOW / 1000 + 301 }),
    new Request("http://assistant.test/relay", { method: "POST", body }),
  ];
  const tampered = await signed(body);
  requests.push(
    new Request(tampered.url, {
      method: "POST",
      headers: tampered.headers,
      body: body.replace("secret", "public"),
    }),
  );
  for (const [i, request] of requests.entries()) {
    const response = await handler(request);
    assert.equal(response.status, 401, `request ${i}`);
    assert.match((await response.json()).error, /X-Ticketeer-/);
  }
  assert.equal(seen.length, 0);
  const fresh = await handler(await signed(body, { timestamp: NOW / 1000 - 299 }));
  assert.equal(fresh.status, 200, "a timestamp within 5 minutes is fine");
});

Deno.test("POST /relay refuses an invalid body with 400 naming the fields", async () => {
  const { handler, seen } = handlerWith();
  const bad = JSON.stringify({ ...BODY, ticket_id: 17, channel_id: undefined });
  const response = await handler(await signed(bad));
  assert.equal(response.status, 400);
  const answer = await response.json();
  assert.deepEqual(answer.fields.sort(), ["channel_id", "ticket_id"]);
  assert.equal(answer.error, "The relay body is invalid");
  assert.ok(answer.problems.includes("channel_id is required"));
  const notJson = await handler(await signed("{nope"));
  assert.equal(notJson.status, 400);
  assert.deepEqual((await notJson.json()).fields, []);
  assert.equal(seen.length, 0);
});

Deno.test("POST /relay refuses a body over 64 KiB with 413 JSON", async () => {
  const { handler } = handlerWith();
  const big = JSON.stringify({ ...BODY, content: "x".repeat(MAX_BODY_BYTES) });
  const response = await handler(await signed(big));
  assert.equal(response.status, 413);
  assert.match((await response.json()).error, /larger than 65536 bytes/);
});

Deno.test("GET /health answers 200 JSON; unknown routes and methods answer JSON too", async () => {
  const { handler } = handlerWith();
  const health = await handler(new Request("http://assistant.test/health"));
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: "ok", model: "none", passages: 3 });
  const missing = await handler(new Request("http://assistant.test/nope"));
  assert.equal(missing.status, 404);
  assert.match((await missing.json()).error, /No route GET \/nope/);
  const wrong = await handler(new Request("http://assistant.test/relay"));
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get("allow"), "POST");
  assert.equal((await wrong.json()).error, "Use POST for /relay");
});

Deno.test("an unexpected error answers 500 JSON and logs one error line", async () => {
  await withLog(async (records) => {
    const { handler } = handlerWith(() => Promise.reject(new Error("disk on fire")));
    const response = await handler(await signed(JSON.stringify(BODY)));
    assert.equal(response.status, 500);
    assert.match((await response.json()).error, /failed to answer/);
    assert.equal(records.length, 1);
    assert.equal(records[0]?.level, "error");
    assert.equal(records[0]?.properties.error, "disk on fire");
  });
});
