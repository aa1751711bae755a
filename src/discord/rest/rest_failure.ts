/**
 * Turns what discordeno's REST manager throws into our `DiscordFailure` values,
 * and wraps a request with retries on 5xx and on no answer (discordeno retries
 * 429s itself, after the time Discord asks for, but passes 5xx straight through).
 *
 * discordeno rejects a failed request with an `Error` whose `cause` is
 * `{ ok: false, status, body?: string, error?: string }`: `body` is Discord's
 * JSON error text, and status 999 means the request never got an answer.
 */
import type { RequestMethods, RestManager } from "@discordeno/rest";
import type { FileContent } from "@discordeno/types";
import { type DiscordFailure, DiscordRequestError } from "../../core/discord_failure.ts";
import { retry, RetryError, type RetryOptions } from "../../lib/retry.ts";
import { PRIORITY_OPTION, type RequestPriority } from "./request_priority.ts";

/** Discord's JSON error body: `{ code, message, errors? }`. */
interface DiscordErrorBody {
  code: number | null;
  message: string;
  errors: unknown;
  retryAfterMs: number | null;
}

/** The rejection discordeno attaches as `cause`. */
interface RestRejection {
  status: number;
  body: string | null;
  error: string | null;
}

/** Status discordeno reports when the request got no answer at all. */
const NO_ANSWER = 999;

function readRejection(error: unknown): RestRejection | null {
  if (!(error instanceof Error)) return null;
  const cause = (error as { cause?: unknown }).cause;
  if (typeof cause !== "object" || cause === null) return null;
  const status = (cause as { status?: unknown }).status;
  if (typeof status !== "number") return null;
  const body = (cause as { body?: unknown }).body;
  const text = (cause as { error?: unknown }).error;
  return {
    status,
    body: typeof body === "string" ? body : null,
    error: typeof text === "string" ? text : null,
  };
}

function parseBody(body: string | null): DiscordErrorBody {
  const empty = { code: null, message: "", errors: null, retryAfterMs: null };
  if (body === null || body === "") return empty;
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (typeof json !== "object" || json === null) return { ...empty, message: body };
    const retryAfter = json.retry_after;
    return {
      code: typeof json.code === "number" ? json.code : null,
      message: typeof json.message === "string" ? json.message : "",
      errors: json.errors ?? null,
      retryAfterMs: typeof retryAfter === "number" ? Math.ceil(retryAfter * 1000) : null,
    };
  } catch {
    return { ...empty, message: body.slice(0, 200) };
  }
}

/** True when a 50035 error names `parent_id` with the "category is full" error. */
function isCategoryFull(errors: unknown): boolean {
  if (typeof errors !== "object" || errors === null) return false;
  const parent = (errors as Record<string, unknown>).parent_id;
  if (parent === undefined) return false;
  const text = JSON.stringify(parent);
  return /MAX_CHANNELS|maximum number of channels/i.test(text);
}

/** The failures one of Discord's JSON error codes names by itself. */
const FAILURE_BY_CODE: ReadonlyMap<number, DiscordFailure> = new Map<number, DiscordFailure>([
  [50013, { kind: "missing_permissions" }],
  [50001, { kind: "missing_access" }],
  [10003, { kind: "unknown_channel" }],
  [10007, { kind: "unknown_member" }],
  [10008, { kind: "unknown_message" }],
  [10011, { kind: "unknown_role" }],
  [30013, { kind: "guild_channel_limit" }],
  [50007, { kind: "cannot_dm" }],
]);

/** Maps an HTTP status and Discord's error body to a `DiscordFailure`. */
export function failureFromResponse(status: number, body: string | null): DiscordFailure {
  const parsed = parseBody(body);
  if (status === NO_ANSWER || status === 0) return { kind: "unavailable", status: 0 };
  if (status === 429) return { kind: "rate_limited", retryAfterMs: parsed.retryAfterMs ?? 1000 };
  if (status >= 500) return { kind: "unavailable", status };
  const known = parsed.code === null ? undefined : FAILURE_BY_CODE.get(parsed.code);
  if (known !== undefined) return { ...known };
  if (parsed.code === 50035 && isCategoryFull(parsed.errors)) return { kind: "category_full" };
  return { kind: "other", status, code: parsed.code, message: parsed.message };
}

/**
 * The `DiscordFailure` behind an error discordeno threw, or null when the error
 * did not come from a Discord answer (a bug, which callers let propagate).
 */
export function failureFromError(error: unknown): DiscordFailure | null {
  if (error instanceof DiscordRequestError) return error.failure;
  const rejection = readRejection(error);
  if (rejection === null) return null;
  return failureFromResponse(rejection.status, rejection.body);
}

/** A one-line description of a failure for logs and error messages. */
export function describeFailure(failure: DiscordFailure): string {
  switch (failure.kind) {
    case "rate_limited":
      return `rate limited (retry after ${failure.retryAfterMs} ms)`;
    case "unavailable":
      return failure.status === 0 ? "Discord did not answer" : `Discord answered ${failure.status}`;
    case "other":
      return `Discord answered ${failure.status}` +
        (failure.code === null ? "" : ` code ${failure.code}`) +
        (failure.message === "" ? "" : ` (${failure.message})`);
    default:
      return failure.kind.replaceAll("_", " ");
  }
}

/**
 * Rewrites a REST route for logs and metrics: ids become `:id` and interaction
 * tokens `:token`, so no secret and no unbounded label value leaves this module.
 */
export function routeLabel(route: string): string {
  const path = route.split("?")[0] ?? route;
  return path
    .replace(/^\/webhooks\/(\d+)\/[^/]+/, "/webhooks/:id/:token")
    .replace(/^\/interactions\/(\d+)\/[^/]+/, "/interactions/:id/:token")
    .replace(/\/\d+(?=\/|$)/g, "/:id");
}

/**
 * REST's retry of 5xx answers and of requests that got no answer: three attempts,
 * 300 ms then 1.2 s apart, each jittered into its upper half.
 */
export const REST_RETRY: RetryOptions = {
  maxAttempts: 3,
  minTimeout: 300,
  multiplier: 4,
  jitter: 0.5,
};

/** Options of one REST call. */
export interface CallOptions<T = unknown> {
  body?: unknown;
  files?: FileContent[];
  reason?: string;
  /** Send without the bot's `Authorization` (interaction callbacks). */
  unauthorized?: boolean;
  /** Skip the rate-limit queue (interaction callbacks are exempt). */
  runThroughQueue?: boolean;
  /** How 5xx answers and requests with no answer are retried (default `REST_RETRY`). */
  retry?: RetryOptions;
  /** Told the outcome of every attempt (status 0: no answer). */
  observe?: (route: string, status: number) => void;
  /** Whether a person waits on it (default) or it may wait for them (`background`). */
  priority?: RequestPriority;
  /**
   * Retry a request that got no answer (default true). Off behind a REST proxy:
   * the request may have reached Discord through it, so only its 5xx are retried.
   */
  retryUnanswered?: boolean;
  /**
   * Asked before each retry whether the failed attempt took effect after all
   * (Discord may act and the answer still be lost): a value found is the result.
   */
  findEarlierResult?: () => Promise<T | null>;
}

function retryable(failure: DiscordFailure, unanswered: boolean): boolean {
  return failure.kind === "unavailable" && (failure.status !== 0 || unanswered);
}

function statusOf(failure: DiscordFailure): number {
  switch (failure.kind) {
    case "unavailable":
    case "other":
      return failure.status;
    case "rate_limited":
      return 429;
    case "missing_permissions":
    case "missing_access":
    case "cannot_dm":
      return 403;
    case "unknown_channel":
    case "unknown_member":
    case "unknown_message":
    case "unknown_role":
      return 404;
    default:
      return 400;
  }
}

/**
 * Sends one request through discordeno's REST manager (rate-limit queue and 429
 * handling included) and returns Discord's raw JSON. 5xx answers and requests
 * with no answer are retried through `retry`; every Discord failure surfaces as a
 * `DiscordRequestError`.
 */
export async function callDiscord<T>(
  rest: RestManager,
  method: RequestMethods,
  route: string,
  options: CallOptions<T> = {},
): Promise<T> {
  const label = routeLabel(route);
  const send = async (attempt: number): Promise<T> => {
    if (attempt > 1 && options.findEarlierResult !== undefined) {
      const earlier = await options.findEarlierResult();
      if (earlier !== null) return earlier;
    }
    try {
      const result = await rest.makeRequest<T>(method, route, {
        ...(options.body === undefined ? {} : { body: options.body }),
        ...(options.files === undefined ? {} : { files: options.files }),
        ...(options.reason === undefined ? {} : { reason: options.reason }),
        ...(options.unauthorized === undefined ? {} : { unauthorized: options.unauthorized }),
        ...(options.runThroughQueue === undefined
          ? {}
          : { runThroughQueue: options.runThroughQueue }),
        ...(options.priority === undefined ? {} : { [PRIORITY_OPTION]: options.priority }),
      });
      options.observe?.(label, 200);
      return result;
    } catch (error) {
      const failure = failureFromError(error);
      if (failure === null) throw error;
      options.observe?.(label, statusOf(failure));
      throw new DiscordRequestError(
        failure,
        `Discord request ${method} ${label} failed: ${describeFailure(failure)}`,
      );
    }
  };
  try {
    return await retry(send, {
      ...REST_RETRY,
      ...options.retry,
      isRetryable: (error) =>
        error instanceof DiscordRequestError &&
        retryable(error.failure, options.retryUnanswered ?? true),
    });
  } catch (error) {
    if (error instanceof RetryError) throw error.cause;
    throw error;
  }
}
