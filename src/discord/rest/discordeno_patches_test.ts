/**
 * Each test shows, on an unpatched discordeno 21.0.0 object, the behaviour one
 * patch in `discordeno_patches.ts` corrects. When an upgrade makes a test fail,
 * discordeno fixed that behaviour itself: drop the patch the test names. Kept in
 * one file because it mirrors the one module of patches, though longer than 300 lines.
 */
import assert from "node:assert/strict";
import {
  createGatewayManager,
  createRestManager,
  DiscordenoShard,
  type RestManager,
  type RestRequestRejection,
  type SendRequestOptions,
  ShardState,
} from "@discordeno/bot";
import {
  SILENT_LOGGER,
  TEST_APPLICATION_ID,
  tokenFor,
} from "../../../tests/fixtures/rest_recorder.ts";
import { within } from "../../lib/deadline.ts";
import {
  connectShardsWith,
  patchRestManager,
  type ShardSocket,
  stopReconnecting,
  stopShards,
} from "./discordeno_patches.ts";

const BASE_URL = "http://127.0.0.1:9/api";

function unpatchedRest(): RestManager {
  const rest = createRestManager({
    token: tokenFor(TEST_APPLICATION_ID),
    proxy: { baseUrl: BASE_URL },
    logger: SILENT_LOGGER,
  });
  rest.isProxied = false;
  return rest;
}

/** A request as discordeno's queue hands it to `sendRequest`, recording how it settles. */
function sendOptions(extra: Partial<SendRequestOptions> = {}) {
  const settled: Array<{ resolved?: unknown; rejected?: RestRequestRejection }> = [];
  const retried: SendRequestOptions[] = [];
  const options: SendRequestOptions = {
    route: "/channels/300/messages",
    method: "POST",
    retryCount: 0,
    retryRequest: (request) => {
      retried.push(request);
      return Promise.resolve();
    },
    resolve: (value) => settled.push({ resolved: value }),
    reject: (value) => settled.push({ rejected: value }),
    requestBodyOptions: { body: { content: "hi" } },
    ...extra,
  };
  return { options, settled, retried };
}

/** Runs `fn` with `fetch` answering through `answer`, then puts the real one back. */
async function withFetch<T>(
  answer: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
  fn: () => Promise<T>,
): Promise<T> {
  const real = globalThis.fetch;
  globalThis.fetch = answer as typeof fetch;
  try {
    return await fn();
  } finally {
    globalThis.fetch = real;
  }
}

function cutBody(): Response {
  return new Response(
    new ReadableStream({ pull: (controller) => controller.error(new Error("connection reset")) }),
    { status: 200, headers: { "content-type": "application/json" } },
  );
}

Deno.test("discordeno marks a base URL other than discord.com's as a proxy (patch: isProxied)", () => {
  const rest = createRestManager({
    token: tokenFor(TEST_APPLICATION_ID),
    proxy: { baseUrl: BASE_URL },
  });
  assert.equal(rest.isProxied, true);
  patchRestManager(rest)();
  assert.equal(rest.isProxied, false);
});

Deno.test("discordeno re-checks rate-limited paths with a timer it keeps nowhere (patch: processRateLimitedPaths)", () => {
  const rest = unpatchedRest();
  rest.rateLimitedPaths.set("x", { url: "x", resetTimestamp: Date.now() + 60_000 });
  const real = globalThis.setTimeout;
  const made: ReturnType<typeof setTimeout>[] = [];
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    const id = real(fn, ms);
    made.push(id);
    return id;
  }) as typeof setTimeout;
  try {
    rest.processRateLimitedPaths();
  } finally {
    globalThis.setTimeout = real;
    for (const id of made) clearTimeout(id);
  }
  assert.equal(made.length, 1, "one timer the manager does not keep");
  assert.equal(Object.values(rest).includes(made[0]), false);
});

Deno.test("discordeno sends a REST request with no timeout (patch: sendRequest's timeout)", async () => {
  const rest = unpatchedRest();
  let signal: AbortSignal | null | undefined = null;
  await withFetch((_input, init) => {
    signal = init?.signal;
    return Promise.resolve(new Response(null, { status: 204 }));
  }, () => rest.sendRequest(sendOptions().options));
  assert.equal(signal, undefined);
});

Deno.test("discordeno never settles a caller whose answer breaks after its headers (patch: sendRequest)", async () => {
  const rest = unpatchedRest();
  const { options, settled } = sendOptions();
  await withFetch(() => Promise.resolve(cutBody()), async () => {
    await assert.rejects(rest.sendRequest(options));
  });
  assert.deepEqual(settled, []);

  const patched = unpatchedRest();
  patchRestManager(patched)();
  const after = sendOptions();
  await withFetch(() => Promise.resolve(cutBody()), () => patched.sendRequest(after.options));
  assert.equal(after.settled[0]?.rejected?.status, 999);
});

Deno.test("discordeno retries a 429 at once when it lacks x-ratelimit-reset-after, whatever Retry-After asks (patch: sendRequest's 429)", async () => {
  const rest = unpatchedRest();
  const json = sendOptions();
  const started = performance.now();
  await withFetch(
    () =>
      Promise.resolve(
        Response.json({ message: "You are being rate limited.", retry_after: 60 }, {
          status: 429,
          headers: { "retry-after": "60", "x-ratelimit-scope": "shared" },
        }),
      ),
    () => within(rest.sendRequest(json.options), 5_000, "the 429 to be retried"),
  );
  assert.equal(json.retried.length, 1);
  assert.ok(performance.now() - started < 5_000, "retried long before Retry-After");

  // Cloudflare's HTML page for a banned IP is retried at once as well.
  const html = sendOptions();
  await withFetch(
    () => Promise.resolve(new Response("<html>Error 1015</html>", { status: 429 })),
    () => within(rest.sendRequest(html.options), 5_000, "the HTML 429 to be retried"),
  );
  assert.equal(html.retried.length, 1);
  assert.deepEqual(html.settled, []);
});

Deno.test("discordeno counts an unqueued request out of the invalid-request bucket it never entered (patch: sendRequest's count)", async () => {
  const rest = unpatchedRest();
  const { options } = sendOptions({ runThroughQueue: false, route: "/interactions/1/t/callback" });
  await withFetch(
    () => Promise.resolve(new Response(null, { status: 204 })),
    () => rest.sendRequest(options),
  );
  assert.equal(rest.invalidBucket.activeRequests, -1);
});

/** How many `Error`s are constructed while `fn` runs. */
async function errorsMadeBy(fn: () => Promise<unknown>): Promise<number> {
  const real = globalThis.Error;
  let made = 0;
  globalThis.Error = new Proxy(real, {
    construct(target, args, newTarget) {
      made++;
      return Reflect.construct(target, args, newTarget);
    },
  });
  try {
    await fn();
  } finally {
    globalThis.Error = real;
  }
  return made;
}

Deno.test("discordeno makes an Error for every request, one that succeeds too (patch: makeRequest)", async () => {
  const answer = () => Promise.resolve(Response.json({ id: "1" }));
  const send = (rest: RestManager) =>
    rest.makeRequest("POST", "/channels/300/messages", { body: { content: "hi" } });
  const rest = unpatchedRest();
  assert.equal(await withFetch(answer, () => errorsMadeBy(() => send(rest))), 1);

  const patched = unpatchedRest();
  const close = patchRestManager(patched);
  try {
    let body: unknown;
    assert.equal(
      await withFetch(answer, () => errorsMadeBy(async () => body = await send(patched))),
      0,
    );
    assert.deepEqual(body, { id: "1" });
    const failure = await withFetch(
      () =>
        Promise.resolve(
          Response.json({ code: 10003, message: "Unknown Channel" }, { status: 404 }),
        ),
      () => send(patched).then(() => null, (error: unknown) => error),
    );
    assert.ok(failure instanceof Error);
    assert.equal((failure.cause as RestRequestRejection).status, 404);
  } finally {
    close();
  }
});

Deno.test("discordeno copies every request body key by key, though ours are Discord's JSON already (patch: passBodiesThrough)", () => {
  const body = { content: "hi", allowed_mentions: { parse: [] }, embeds: [{ title: "t" }] };
  const rest = unpatchedRest();
  const copy = rest.changeToDiscordFormat(body);
  assert.deepEqual(copy, body);
  assert.notEqual(copy, body);

  const patched = unpatchedRest();
  patchRestManager(patched)();
  assert.equal(patched.changeToDiscordFormat(body), body);
  assert.equal(
    patched.createRequestBody("POST", { body }).body,
    JSON.stringify(body),
  );
});

Deno.test("discordeno leaves a route's slot spent after a request with no answer (patch: reopenQueue)", async () => {
  const rest = unpatchedRest();
  await withFetch(() => Promise.reject(new TypeError("connection refused")), async () => {
    await assert.rejects(within(rest.makeRequest("GET", "/users/@me"), 5_000, "the failure"));
  });
  const queue = [...rest.queues.values()][0];
  assert.ok(queue !== undefined);
  assert.equal(queue.remaining, 0, "the slot is spent");
  assert.equal(queue.timeoutId, undefined, "and nothing will give it back");
  for (const each of rest.queues.values()) clearTimeout(each.deleteQueueTimeout);
});

/** A shard that was never connected (its socket is not open). */
function offlineShard(): DiscordenoShard {
  return new DiscordenoShard({
    id: 0,
    connection: {
      compress: false,
      transportCompression: null,
      intents: 0,
      properties: { os: "linux", browser: "t", device: "t" },
      token: "t",
      totalShards: 1,
      url: "ws://127.0.0.1:9",
      version: 10,
    },
    events: {},
    logger: SILENT_LOGGER,
  });
}

/**
 * Replaces the global timer functions to see which timers are still pending; `restore`
 * puts the real ones back and clears whatever is left.
 */
function trackTimers() {
  const real = { setTimeout, setInterval, clearTimeout, clearInterval };
  const pending = new Set<unknown>();
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    const id = real.setTimeout(() => {
      pending.delete(id);
      fn();
    }, ms);
    pending.add(id);
    return id;
  }) as typeof setTimeout;
  globalThis.setInterval = ((fn: () => void, ms?: number) => {
    const id = real.setInterval(fn, ms);
    pending.add(id);
    return id;
  }) as typeof setInterval;
  const clear = ((id?: ReturnType<typeof setTimeout>) => {
    pending.delete(id);
    real.clearTimeout(id);
  }) as typeof clearTimeout;
  globalThis.clearTimeout = clear;
  globalThis.clearInterval = clear;
  return {
    pending: () => pending.size,
    restore() {
      Object.assign(globalThis, real);
      for (const id of pending) real.clearTimeout(id as ReturnType<typeof setTimeout>);
    },
  };
}

/** Runs `fn` with the timers tracked, then restores the real ones. */
async function withTrackedTimers(
  fn: (timers: ReturnType<typeof trackTimers>) => Promise<void>,
): Promise<void> {
  const timers = trackTimers();
  try {
    await fn(timers);
  } finally {
    timers.restore();
  }
}

/** Whether `promise` has settled once pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol("pending");
  const result = await Promise.race([
    promise.then(() => true, () => true),
    Promise.resolve(marker),
  ]);
  return result !== marker;
}

Deno.test("discordeno's gateway shutdown leaves a shard heartbeating and not Offline (patch: stopShards)", () =>
  withTrackedTimers(async (timers) => {
    const gateway = createGatewayManager({ token: "t", logger: SILENT_LOGGER });
    const shard = offlineShard();
    gateway.shards.set(0, shard);
    shard.startHeartbeating(45_000);
    shard.state = ShardState.Resuming;
    await gateway.shutdown(1000, "Shutting down");
    assert.equal(timers.pending(), 1, "the heartbeat's first beat is still due");
    assert.equal(shard.state, ShardState.Resuming);

    stopShards(gateway);
    assert.equal(timers.pending(), 0);
    assert.equal(shard.state, ShardState.Offline);
  }));

Deno.test("discordeno keeps a shard's send-bucket refill timer after shutdown (patch: stopShards)", () =>
  withTrackedTimers(async (timers) => {
    const shard = offlineShard();
    await shard.bucket.acquire();
    await shard.shutdown();
    assert.equal(timers.pending(), 1, "the bucket refills in 60 s and holds the process");

    stopShards({ shards: new Map([[0, shard]]) });
    assert.equal(timers.pending(), 0);
  }));

Deno.test("discordeno never settles a send waiting for a shard that shut down (patch: stopShards)", () =>
  withTrackedTimers(async (timers) => {
    const shard = offlineShard();
    const waiting = shard.send({ op: 1, d: null });
    await shard.shutdown();
    assert.equal(await settled(waiting), false);
    assert.equal(shard.offlineSendQueue.length, 1, "it waits for a connection that never comes");

    stopShards({ shards: new Map([[0, shard]]) });
    await within(waiting, 5_000, "the waiting send to settle");
    await within(shard.send({ op: 1, d: null }), 5_000, "a later send to settle");
    assert.equal(shard.offlineSendQueue.length, 0);
    assert.equal(timers.pending(), 0, "and no bucket timer is armed again");
  }));

Deno.test("discordeno lets a shard resume after the gateway shut down (patch: stopReconnecting)", async () => {
  const shard = offlineShard();
  shard.sessionId = "session-1";
  await shard.shutdown();
  assert.equal(shard.state, ShardState.Offline);
  let connects = 0;
  shard.connect = () => {
    connects++;
    return Promise.reject(new Error("stopped"));
  };
  await shard.handleClose({ code: 4000, reason: "" } as CloseEvent).catch(() => {});
  assert.equal(connects, 1, "a shut-down shard connects again");

  const gateway = { identify: () => Promise.resolve(), shards: new Map([[0, shard]]) };
  stopReconnecting(gateway);
  await shard.handleClose({ code: 4000, reason: "" } as CloseEvent);
  assert.equal(connects, 1, "no reconnect once stopped");
});

/** A socket that records where it was opened and opens at once. */
class RecordingSocket implements ShardSocket {
  static opened: string[] = [];
  readyState = 0;
  binaryType = "blob";
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: { data: string | ArrayBuffer }) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  constructor(url: URL | string) {
    RecordingSocket.opened.push(String(url));
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.(new Event("open"));
    });
  }
  send(): void {}
  close(): void {}
}

Deno.test("discordeno's shard always opens the built-in WebSocket (patch: connectShardsWith)", async () => {
  const builtIn = globalThis.WebSocket;
  RecordingSocket.opened = [];
  globalThis.WebSocket = RecordingSocket as unknown as typeof WebSocket;
  try {
    await offlineShard().connect();
  } finally {
    globalThis.WebSocket = builtIn;
  }
  assert.deepEqual(RecordingSocket.opened, ["ws://127.0.0.1:9/?v=10&encoding=json"]);

  RecordingSocket.opened = [];
  const gateway = { shards: new Map<number, DiscordenoShard>() };
  connectShardsWith(gateway, (url) => new RecordingSocket(url));
  const shard = offlineShard();
  gateway.shards.set(0, shard);
  const connected = await shard.connect();
  assert.equal(connected, shard);
  assert.deepEqual(RecordingSocket.opened, ["ws://127.0.0.1:9/?v=10&encoding=json"]);
  assert.equal(shard.state, ShardState.Unidentified);
  assert.ok(shard.socket instanceof RecordingSocket);
  assert.equal(shard.isOpen(), true, "the shard reads the socket's ready state");
});
