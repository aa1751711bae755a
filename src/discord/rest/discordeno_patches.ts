/**
 * The changes we make to discordeno 21.0.0's REST manager. Each patch
 * names the behaviour of 21.0.0 it corrects, and `discordeno_patches_test.ts` shows
 * that behaviour on an unpatched object: when an upgrade fixes it, that test fails
 * and says which patch to drop. The gateway's are in
 * `../gateway/discordeno_gateway_patches.ts`: an upgrade is checked against those
 * two modules and their tests.
 *
 * The REST patches replace `rest.sendRequest` as a whole (the one place a request
 * meets the network), so the corrections to it live together in `sendPatched`.
 * Kept in one file because they all patch one manager, and the test file mirrors
 * them patch for patch, though longer than 300 lines.
 */
import type { MakeRequestOptions, RestManager, SendRequestOptions } from "@discordeno/rest";

/** How long one REST request may take, its answer's body included. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** How often discordeno re-checks its rate-limited paths (its own 1 s). */
const RATE_LIMIT_CHECK_MS = 1_000;

/** Options of `patchRestManager`. */
export interface RestPatchOptions {
  /** Give up a request after this long (default `REQUEST_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Awaited before every request leaves (the global pacer); gets the request as queued. */
  beforeSend?: (request: SendRequestOptions) => Promise<void>;
}

/** Status discordeno reports for a request that got no answer. */
const NO_ANSWER = 999;

/** The state a patched manager keeps: everything `close` must stop. */
interface PatchState {
  timers: Set<ReturnType<typeof setTimeout>>;
  /** Stops an in-flight request or a 429 wait, settling its caller. */
  cancels: Set<() => void>;
}

/**
 * Patches `rest` in place and returns the function that stops everything the
 * patched manager still runs (timers, queues, in-flight requests) at shutdown.
 */
export function patchRestManager(rest: RestManager, options: RestPatchOptions = {}): () => void {
  const state: PatchState = { timers: new Set(), cancels: new Set() };
  // 21.0.0 marks every base URL other than discord.com's as a proxy and then sends
  // plain `fetch` calls with no rate-limit queue and no 429 handling, so a REST
  // proxy or a test double would see traffic unlike Discord's.
  rest.isProxied = false;
  passBodiesThrough(rest);
  // 21.0.0's `makeRequest` makes an Error for every request before it is sent,
  // capturing its stack, to throw if the request fails: capturing it costs more
  // than building the request does. Ours makes the error when a request fails
  // (`callDiscord` throws its own, with the caller's stack, either way).
  rest.makeRequest = <T>(
    method: Parameters<RestManager["makeRequest"]>[0],
    route: string,
    requestOptions?: Parameters<RestManager["makeRequest"]>[2],
  ) => makeQueuedRequest<T>(rest, method, route, requestOptions);
  rest.sendRequest = (request) => sendPatched(rest, state, request, options);
  // 21.0.0 re-checks rate-limited paths every second with a timer it keeps
  // nowhere, so nothing can stop it at shutdown.
  rest.processRateLimitedPaths = () => processRateLimitedPaths(rest, state);
  return () => closePatched(rest, state);
}

/**
 * 21.0.0 copies every request body key by key (`changeToDiscordFormat`) to turn
 * camelCase keys into snake_case and bigints into strings. Our bodies are in
 * Discord's own JSON shape already (the fake Discord records any camelCase field
 * the tests send), so the copy was time and garbage for nothing (a few percent of
 * the CPU of answering `/config show` in a burst, and a second copy of every body).
 * Bodies now go to `JSON.stringify` as they are.
 */
function passBodiesThrough(rest: RestManager): void {
  rest.changeToDiscordFormat = (body: unknown) => body;
}

/** `makeRequest` of 21.0.0 (not proxied), with its error made only on failure. */
function makeQueuedRequest<T>(
  rest: RestManager,
  method: SendRequestOptions["method"],
  route: string,
  options: MakeRequestOptions | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (cause: unknown) =>
      reject(new Error("Failed to send request to discord.", { cause }));
    const request: SendRequestOptions = {
      route,
      method,
      ...(options === undefined ? {} : { requestBodyOptions: options }),
      retryCount: 0,
      retryRequest: async (again) => {
        await rest.processRequest(again);
      },
      resolve: (data) => resolve(data.status !== 204 ? JSON.parse(data.body ?? "{}") : undefined),
      reject: fail,
      ...(options?.runThroughQueue === undefined
        ? {}
        : { runThroughQueue: options.runThroughQueue }),
    };
    rest.processRequest(request).catch(fail);
  });
}

function processRateLimitedPaths(rest: RestManager, state: PatchState): void {
  const now = Date.now();
  for (const [key, value] of rest.rateLimitedPaths.entries()) {
    if (value.resetTimestamp > now) continue;
    rest.rateLimitedPaths.delete(key);
    if (key === "global") rest.globallyRateLimited = false;
  }
  if (rest.rateLimitedPaths.size === 0) {
    rest.processingRateLimitedPaths = false;
    return;
  }
  rest.processingRateLimitedPaths = true;
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    rest.processRateLimitedPaths();
  }, RATE_LIMIT_CHECK_MS);
  state.timers.add(timer);
}

function closePatched(rest: RestManager, state: PatchState): void {
  for (const cancel of [...state.cancels]) cancel();
  state.cancels.clear();
  for (const queue of rest.queues.values()) {
    clearTimeout(queue.deleteQueueTimeout);
    clearTimeout(queue.timeoutId);
    queue.waiting = [];
    queue.pending = [];
  }
  rest.queues.clear();
  rest.rateLimitedPaths.clear();
  rest.processingRateLimitedPaths = false;
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
}

/**
 * 21.0.0's queue spends a route's one slot before sending and gets it back only
 * from the answer's rate-limit headers: a request that got no answer leaves the
 * slot spent and every later request on that route waiting for good. Give it back.
 */
function reopenQueue(rest: RestManager, request: SendRequestOptions): void {
  const url = rest.simplifyUrl(request.route, request.method);
  for (const queue of rest.queues.values()) {
    if (queue.url === url && queue.remaining <= 0 && queue.timeoutId === undefined) {
      queue.remaining = Math.max(queue.max, 1);
    }
  }
}

/** Milliseconds a 429 asks to wait: `Retry-After` (seconds), else the body's `retry_after`. */
export function retryAfterMs(headers: Headers, body: unknown): number | null {
  const header = Number(headers.get("retry-after") ?? Number.NaN);
  if (Number.isFinite(header) && header >= 0) return Math.ceil(header * 1000);
  const field = (body as { retry_after?: unknown } | null)?.retry_after;
  if (typeof field === "number" && field >= 0) return Math.ceil(field * 1000);
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Runs `fn` with a signal that aborts after `ms` or at close; always clears its timer. */
async function withTimeout<T>(
  state: PatchState,
  ms: number,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`No answer within ${ms} ms`, "TimeoutError")),
    ms,
  );
  const cancel = () => controller.abort(new DOMException("The REST manager closed", "AbortError"));
  state.cancels.add(cancel);
  try {
    return await fn(controller.signal);
  } finally {
    clearTimeout(timer);
    state.cancels.delete(cancel);
  }
}

/** Waits `ms`; false when the manager closed first. */
function pause(state: PatchState, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = () => {
      clearTimeout(timer);
      state.cancels.delete(cancel);
      resolve(false);
    };
    const timer = setTimeout(() => {
      state.cancels.delete(cancel);
      resolve(true);
    }, ms);
    state.cancels.add(cancel);
  });
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * discordeno's `sendRequest` with its flaws corrected; otherwise the same steps
 * (request body, invalid-request bucket, rate-limit headers, 429 retry, settle).
 */
async function sendPatched(
  rest: RestManager,
  state: PatchState,
  request: SendRequestOptions,
  options: RestPatchOptions,
): Promise<void> {
  await options.beforeSend?.(request);
  // 21.0.0 decrements `invalidBucket.activeRequests` after every request, but only
  // queued ones incremented it: interaction callbacks (sent outside the queue)
  // drive the count below zero, which switches off its 10,000-per-10-minutes guard.
  if (request.runThroughQueue === false) rest.invalidBucket.activeRequests += 1;
  const url = `${rest.baseUrl}/v${rest.version}${request.route}`;
  const payload = rest.createRequestBody(request.method, request.requestBodyOptions);
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  let answered = false;
  let answer: Answer;
  try {
    // 21.0.0 calls `fetch` with no timeout, and a route's queue awaits each send
    // in turn: one stalled connection blocks the route for good. An error after
    // the headers (the body cut off) escaped without settling the caller.
    answer = await withTimeout(state, timeoutMs, async (signal) => {
      const response = await fetch(url, { ...payload, signal });
      answered = true;
      rest.invalidBucket.handleCompletedRequest(
        response.status,
        response.headers.get("x-ratelimit-scope") === "shared",
      );
      const bucketId = rest.processHeaders(
        rest.simplifyUrl(request.route, request.method),
        response.headers,
        payload.headers.authorization ?? `Bot ${rest.token}`,
      );
      if (bucketId) request.bucketId = bucketId;
      const text = response.status === 204 ? "" : await response.text();
      return { status: response.status, headers: response.headers, text };
    });
  } catch (error) {
    if (!answered) {
      rest.invalidBucket.handleCompletedRequest(NO_ANSWER, false);
      reopenQueue(rest, request);
    }
    const reason = error instanceof Error ? error.message : String(error);
    request.reject({ ok: false, status: NO_ANSWER, error: `No complete answer: ${reason}` });
    return;
  }
  if (answer.status === 429) return await retryRateLimited(rest, state, request, answer);
  if (answer.status < 200 || answer.status >= 400) {
    request.reject({ ok: false, status: answer.status, body: answer.text });
    return;
  }
  request.resolve({
    ok: true,
    status: answer.status,
    ...(answer.status === 204 ? {} : { body: answer.text }),
  });
}

/**
 * 21.0.0 waits `x-ratelimit-reset-after` and ignores `Retry-After`, so a shared
 * limit's 429 is retried early; a 429 with neither (Cloudflare's HTML page for a
 * banned IP) is retried at once, for ever. We wait what `Retry-After` asks, and
 * stop at a 429 that is not Discord's JSON.
 */
async function retryRateLimited(
  rest: RestManager,
  state: PatchState,
  request: SendRequestOptions,
  answer: Answer,
): Promise<void> {
  const json = parseJson(answer.text);
  const waitMs = retryAfterMs(answer.headers, json.ok ? json.value : null);
  if (!json.ok) {
    const wait = waitMs === null ? "" : ` for ${Math.ceil(waitMs / 1000)} s`;
    rest.logger.error(
      `Discord REST answered 429 without JSON: this IP is probably banned by Cloudflare${wait}; not retrying ${request.method} ${
        rest.simplifyUrl(request.route, request.method)
      }`,
    );
    request.reject({ ok: false, status: 429, body: answer.text.slice(0, 200) });
    return;
  }
  if (request.retryCount >= rest.maxRetryCount || request.retryRequest === undefined) {
    request.reject({ ok: false, status: 429, body: answer.text });
    return;
  }
  request.retryCount += 1;
  if (!(await pause(state, waitMs ?? RATE_LIMIT_CHECK_MS))) {
    request.reject({ ok: false, status: NO_ANSWER, error: "The REST manager closed" });
    return;
  }
  await request.retryRequest(request);
}

/** Options of `patchProxiedRestManager`. */
export interface ProxiedRestPatchOptions {
  /** Give up a request after this long (default `REQUEST_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** The `Authorization` value the proxy expects on every request, or null to send the bot's. */
  authorization: string | null;
}

/**
 * Behind a rate-limiting REST proxy 21.0.0 sends plain `fetch` calls (no queue,
 * no 429 retries: the proxy owns the limits), but with no timeout, and it throws
 * an error without the `{ status, body }` cause every other path carries when an
 * answer has no body, or when no answer came. We keep its plain fetch and fix
 * those, and send the proxy's own `Authorization` (interaction callbacks too)
 * instead of the bot token when one is configured.
 */
export function patchProxiedRestManager(
  rest: RestManager,
  options: ProxiedRestPatchOptions,
): () => void {
  const state: PatchState = { timers: new Set(), cancels: new Set() };
  rest.isProxied = true;
  passBodiesThrough(rest);
  rest.makeRequest = async <T>(
    method: Parameters<RestManager["makeRequest"]>[0],
    route: string,
    requestOptions?: Parameters<RestManager["makeRequest"]>[2],
  ): Promise<T> => {
    const error = new Error("Failed to send request to discord.");
    const payload = rest.createRequestBody(method, requestOptions);
    if (options.authorization !== null) {
      payload.headers[rest.authorizationHeader] = options.authorization;
    }
    const url = `${rest.baseUrl}/v${rest.version}${route}`;
    let answer: Answer;
    try {
      answer = await withTimeout(state, options.timeoutMs ?? REQUEST_TIMEOUT_MS, async (signal) => {
        const response = await fetch(url, { ...payload, signal });
        const text = response.status === 204 ? "" : await response.text();
        return { status: response.status, headers: response.headers, text };
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      error.cause = { ok: false, status: NO_ANSWER, error: `No complete answer: ${reason}` };
      throw error;
    }
    if (answer.status < 200 || answer.status >= 300) {
      error.cause = { ok: false, status: answer.status, body: answer.text };
      throw error;
    }
    return (answer.text === "" ? undefined : JSON.parse(answer.text)) as T;
  };
  return () => {
    for (const cancel of [...state.cancels]) cancel();
    state.cancels.clear();
  };
}
