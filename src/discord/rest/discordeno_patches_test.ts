/**
 * Each test shows, on an unpatched discordeno 21.0.0 object, the behaviour one
 * patch in `discordeno_patches.ts` corrects. When an upgrade makes a test fail,
 * discordeno fixed that behaviour itself: drop the patch the test names.
 */
import assert from "node:assert/strict";
import {
  createRestManager,
  type RestManager,
  type RestRequestRejection,
  type SendRequestOptions,
} from "@discordeno/bot";
import {
  SILENT_LOGGER,
  TEST_APPLICATION_ID,
  tokenFor,
} from "../../../tests/fixtures/rest_recorder.ts";
import { within } from "../../lib/deadline.ts";
import { patchRestManager } from "./discordeno_patches.ts";

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
