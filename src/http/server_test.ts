import assert from "node:assert/strict";
import { getLogger } from "@logtape/logtape";
import type { DirectInput, InteractionInput } from "../core/interaction.ts";
import { ephemeral } from "../core/reply.ts";
import { RecordingTransport } from "../../tests/fixtures/recording_transport.ts";
import { type Dispatch, InFlight } from "../discord/interactions/run_interaction.ts";
import { createInteractionVerifier } from "../discord/interactions/verify.ts";
import { createMetrics } from "../app/metrics.ts";
import type { DiscordPort } from "../core/discord_port.ts";
import type { Stores } from "../core/ports.ts";
import { systemClock } from "../lib/system_clock.ts";
import { createHttpHandler, type HttpDeps, serveHttp } from "./server.ts";
import { sequentialIds } from "../../tests/fixtures/sequential_ids.ts";

const NOW_MS = 1_800_000_000_000;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const pair = await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"]) as CryptoKeyPair;
const publicKeyHex = hex(await crypto.subtle.exportKey("raw", pair.publicKey));

async function signed(
  body: string,
  options: { timestamp?: string; signature?: string; headers?: boolean } = {},
): Promise<Request> {
  const timestamp = options.timestamp ?? String(NOW_MS / 1000);
  const signature = options.signature ?? hex(
    await crypto.subtle.sign(
      "Ed25519",
      pair.privateKey,
      new TextEncoder().encode(timestamp + body),
    ),
  );
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.headers !== false) {
    headers["x-signature-ed25519"] = signature;
    headers["x-signature-timestamp"] = timestamp;
  }
  return new Request("http://bot.test/interactions", { method: "POST", body, headers });
}

const commandPayload = {
  id: "900000000000000001",
  application_id: "800000000000000001",
  type: 2,
  data: { id: "1", name: "ticket", type: 1, options: [{ type: 1, name: "new" }] },
  guild_id: "100000000000000001",
  channel_id: "200000000000000001",
  member: {
    user: { id: "300000000000000001", username: "alice", global_name: null, avatar: null },
    roles: [],
    permissions: "0",
  },
  token: "interaction-token",
  app_permissions: "0",
  locale: "en-US",
};

interface Harness {
  handler: (request: Request) => Promise<Response>;
  transport: RecordingTransport;
  inFlight: InFlight;
  deps: HttpDeps;
}

function harness(
  dispatch: Dispatch,
  overrides: Partial<HttpDeps> & { deadlineMs?: number } = {},
): Harness {
  const transport = new RecordingTransport();
  const inFlight = new InFlight();
  const metrics = createMetrics();
  const { deadlineMs, ...rest } = overrides;
  const deps: HttpDeps = {
    version: "1.2.3",
    ready: () => true,
    checkDatabase: () => Promise.resolve(true),
    gatewayState: () => "off",
    relayConfigured: false,
    metrics,
    interactions: {
      verify: createInteractionVerifier(publicKeyHex, { now: () => NOW_MS }),
      run: {
        dispatch,
        transport,
        metrics,
        ...(deadlineMs === undefined ? {} : { deadlineMs }),
        context: {
          ...({} as Stores),
          discord: {} as DiscordPort,
          clock: systemClock,
          ids: sequentialIds(),
          log: getLogger(["ticketeer", "test"]),
        },
      },
      inFlight,
    },
    ...rest,
  };
  return { handler: createHttpHandler(deps), transport, inFlight, deps };
}

const unused = () => Promise.reject(new Error("The dispatcher should not run"));

Deno.test("POST /interactions answers a signed PING with a PONG", async () => {
  const { handler } = harness(unused);
  const response = await handler(await signed('{"type":1}'));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.deepEqual(await response.json(), { type: 1 });
});

Deno.test("POST /interactions refuses bad, stale and missing signatures with 401", async () => {
  const { handler } = harness(unused);
  const body = '{"type":1}';
  const good = await signed(body);
  const goodSignature = good.headers.get("x-signature-ed25519")!;
  await good.body?.cancel();
  const requests = [
    await signed(body, { signature: "00".repeat(64) }),
    await signed(body, { signature: "not hex" }),
    await signed(body, { timestamp: String(NOW_MS / 1000 - 3600) }), // stale, validly signed
    await signed(body, { timestamp: String(NOW_MS / 1000 + 3600) }), // future
    await signed(body, { headers: false }),
    // A signature for another body.
    new Request("http://bot.test/interactions", {
      method: "POST",
      body: '{"type":2}',
      headers: {
        "x-signature-ed25519": goodSignature,
        "x-signature-timestamp": String(NOW_MS / 1000),
      },
    }),
  ];
  for (const request of requests) {
    const response = await handler(request);
    assert.equal(response.status, 401);
    assert.equal(await response.text(), "invalid request signature");
  }
});

Deno.test("POST /interactions sends a quick handler's answer by REST callback, then answers 202", async () => {
  let seen: InteractionInput | DirectInput | null = null;
  const { handler, transport, inFlight } = harness((input) => {
    seen = input;
    return Promise.resolve(ephemeral("Your ticket: <#7>"));
  });
  const response = await handler(await signed(JSON.stringify(commandPayload)));
  assert.equal(response.status, 202);
  assert.equal(await response.text(), "");
  // The callback went out before the 202: Discord has the answer when it reads the 202.
  assert.deepEqual(transport.calls, [{
    method: "callback",
    interactionId: "900000000000000001",
    token: "interaction-token",
    response: {
      type: 4,
      data: { content: "Your ticket: <#7>", allowed_mentions: { parse: [] }, flags: 64 },
    },
  }]);
  assert.equal(await inFlight.drain(2000), true);
  assert.equal(seen!.kind, "command");
});

Deno.test("POST /interactions defers a slow handler by REST callback, then edits via REST", async () => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const { handler, transport, inFlight } = harness(async () => {
    await released;
    return ephemeral("Ticket #1 is ready");
  }, { deadlineMs: 20 });

  const response = await handler(await signed(JSON.stringify(commandPayload)));
  assert.equal(response.status, 202);
  await response.body?.cancel();
  assert.equal(inFlight.size, 1, "the handler is still running after the response");

  const edited = transport.nextCall();
  release();
  await edited;
  assert.equal(await inFlight.drain(2000), true);
  assert.deepEqual(transport.calls, [{
    method: "callback",
    interactionId: "900000000000000001",
    token: "interaction-token",
    response: { type: 5, data: { flags: 64 } },
  }, {
    method: "editOriginal",
    applicationId: "800000000000000001",
    token: "interaction-token",
    body: { content: "Ticket #1 is ready", allowed_mentions: { parse: [] } },
  }]);
});

Deno.test("POST /interactions answers DMs politely without running a handler", async () => {
  const { handler } = harness(unused);
  const { guild_id: _g, member: _m, ...dm } = commandPayload;
  const response = await handler(await signed(JSON.stringify({ ...dm, user: {} })));
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.type, 4);
  assert.equal(body.data.flags, 64);
  assert.match(body.data.content, /inside a server/);
});

Deno.test("POST /interactions refuses a body over the limit with 413", async () => {
  const { handler } = harness(unused, { maxBodyBytes: 64 });
  const response = await handler(await signed(JSON.stringify({ type: 1, pad: "x".repeat(100) })));
  assert.equal(response.status, 413);
  await response.body?.cancel();

  // A streamed body without content-length is cut off as it arrives.
  const chunk = new TextEncoder().encode("x".repeat(40));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(chunk);
      controller.enqueue(chunk);
      controller.close();
    },
  });
  const streamed = await handler(
    new Request("http://bot.test/interactions", {
      method: "POST",
      body: stream,
      headers: { "x-signature-ed25519": "00", "x-signature-timestamp": "1" },
    }),
  );
  assert.equal(streamed.status, 413);
  await streamed.body?.cancel();
});

Deno.test("POST /interactions answers autocomplete with no choices", async () => {
  const { handler } = harness(unused);
  const response = await handler(
    await signed(JSON.stringify({ ...commandPayload, type: 4 })),
  );
  assert.deepEqual(await response.json(), { type: 8, data: { choices: [] } });
});

Deno.test("POST /interactions answers 503 once shutdown has begun", async () => {
  const { handler, inFlight } = harness(unused);
  inFlight.close();
  const response = await handler(await signed('{"type":1}'));
  assert.equal(response.status, 503);
  await response.body?.cancel();
});

Deno.test("POST /interactions is 404 when no public key is configured", async () => {
  const { handler } = harness(unused, { interactions: null });
  const response = await handler(await signed('{"type":1}'));
  assert.equal(response.status, 404);
  await response.body?.cancel();
});

Deno.test("GET /health is 503 until ready and while the database fails, then 200, naming its shards and pacing", async () => {
  let ready = false;
  let database = true;
  const { handler } = harness(unused, {
    ready: () => ready,
    checkDatabase: () => database ? Promise.resolve(true) : Promise.reject(new Error("down")),
    gatewayState: () => "connected",
    shards: () => [{ id: 2, state: "connected" }, { id: 3, state: "resuming" }],
    pacing: "shared",
    relayConfigured: true,
  });
  const get = () => handler(new Request("http://bot.test/health"));

  const expectHealth = async (code: number, status: string) => {
    const response = await get();
    assert.equal(response.status, code);
    assert.deepEqual(await response.json(), {
      status,
      database: "ok",
      gateway: "connected",
      shards: [{ id: 2, state: "connected" }, { id: 3, state: "resuming" }],
      pacing: "shared",
      relay: "configured",
      version: "1.2.3",
    });
  };

  await expectHealth(503, "starting");
  ready = true;
  await expectHealth(200, "ok");

  database = false;
  const response = await get();
  assert.equal(response.status, 503);
  assert.equal((await response.json()).database, "error");
});

Deno.test("GET /metrics serves the Prometheus text format", async () => {
  const { handler, deps } = harness(() => Promise.resolve(ephemeral("ok")));
  deps.metrics.openTickets.collectFrom(() => 4);
  const answered = await handler(await signed(JSON.stringify(commandPayload)));
  await answered.body?.cancel();
  await deps.interactions!.inFlight.drain(2000);

  const response = await handler(new Request("http://bot.test/metrics"));
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  assert.match(text, /^# TYPE ticketeer_interactions_total counter$/m);
  assert.match(text, /^ticketeer_interactions_total\{kind="command",outcome="message"\} 1$/m);
  assert.match(text, /^ticketeer_handler_seconds_count 1$/m);
  assert.match(text, /^ticketeer_open_tickets 4$/m);
});

Deno.test("unknown paths are 404 and wrong methods 405", async () => {
  const { handler } = harness(unused);
  const missing = await handler(new Request("http://bot.test/nope"));
  assert.equal(missing.status, 404);
  await missing.body?.cancel();
  const wrong = await handler(new Request("http://bot.test/health", { method: "POST", body: "x" }));
  assert.equal(wrong.status, 405);
  await wrong.body?.cancel();
  const getInteractions = await handler(new Request("http://bot.test/interactions"));
  assert.equal(getInteractions.status, 405);
  await getInteractions.body?.cancel();
});

Deno.test("serveHttp() serves the handler on a real port until the signal aborts", async () => {
  const { handler } = harness(unused);
  const controller = new AbortController();
  const server = serveHttp({ host: "127.0.0.1", port: 0 }, handler, controller.signal);
  try {
    assert.ok(server.address.port > 0);
    const base = `http://127.0.0.1:${server.address.port}`;
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).status, "ok");
    const pong = await fetch(`${base}/interactions`, {
      method: "POST",
      body: '{"type":1}',
      headers: Object.fromEntries((await signed('{"type":1}')).headers),
    });
    assert.deepEqual(await pong.json(), { type: 1 });
  } finally {
    controller.abort();
    await server.finished;
  }
});
