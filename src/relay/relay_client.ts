/**
 * The HTTP client for the operator's assistant service: signs and POSTs one
 * ticket message, retries what is worth retrying, and reads the answer.
 * It knows nothing of Discord or the database; `relay_message.ts` does.
 */
import type { ChannelId, GuildId, UserId } from "../core/ids.ts";
import type { TicketId } from "../core/model.ts";
import { readBounded } from "../lib/read_bounded.ts";
import { retry, RetryError } from "../lib/retry.ts";
import { signRelayBody } from "./sign.ts";

/** One ticket message to relay. */
export interface RelayRequest {
  guildId: GuildId;
  channelId: ChannelId;
  userId: UserId;
  content: string;
  messageId: string;
  ticketId: TicketId;
  ticketNumber: number;
}

/** How a relay ended, as a metrics label. */
export type RelayOutcome = "reply" | "silent" | "failed";

/** What the service answered, after retries. */
export type RelayResult =
  | { kind: "reply"; text: string; handoff?: true; attempts: number; durationMs: number }
  | { kind: "silent"; handoff?: true; attempts: number; durationMs: number }
  | {
    kind: "failed";
    /** HTTP status of the last attempt; null for network errors and timeouts. */
    status: number | null;
    attempts: number;
    durationMs: number;
    reason: string;
  };

/** Hooks the app uses to feed metrics; every hook is optional. */
export interface RelayObserver {
  /** Before each attempt (1, 2, 3). */
  onAttempt?(attempt: number): void;
  /** Before waiting to retry: the attempt that failed, the wait and why. */
  onRetry?(attempt: number, delayMs: number, reason: string): void;
  /** Once per `send`, with the whole duration in seconds (retries included). */
  onResult?(outcome: RelayOutcome, seconds: number): void;
}

export interface RelayClientOptions {
  /** The service's endpoint (`RELAY_URL`). */
  url: string;
  /** HMAC key (`RELAY_SECRET`); without it requests carry no signature. */
  secret: string | null;
  /** Per-attempt timeout, response body included. Default 10,000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff step; doubled on each retry, then jittered. Default 500 ms. */
  backoffMs?: number;
  /** Longest wait before a retry, `Retry-After` included. Default 15,000 ms. */
  maxDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1), for jitter. */
  random?: () => number;
  /** Wall-clock milliseconds, for `X-Ticketeer-Timestamp`. */
  now?: () => number;
  observer?: RelayObserver;
}

/** Sends ticket messages to the assistant service. */
export interface RelayClient {
  /** Never throws for service trouble: failures come back as `{ kind: "failed" }`. */
  send(request: RelayRequest): Promise<RelayResult>;
}

/** Largest answer body read (1 MiB); anything longer is a failure. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The JSON body of a relay request: every id, and the ticket number, as a string. */
export function relayRequestBody(request: RelayRequest): string {
  return JSON.stringify({
    guild_id: request.guildId,
    channel_id: request.channelId,
    user_id: request.userId,
    content: request.content,
    message_id: request.messageId,
    ticket_id: String(request.ticketId),
    ticket_number: String(request.ticketNumber),
  });
}

/**
 * Milliseconds asked by a `Retry-After` header (delay-seconds or an HTTP date),
 * or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** One attempt's result: final, or retryable with an optional server-asked delay. */
type Settled =
  | { kind: "reply"; text: string; handoff?: true }
  | { kind: "silent"; handoff?: true }
  | { kind: "failed"; status: number | null; reason: string };

type Attempt =
  | { final: true; result: Settled }
  | { final: false; status: number | null; reason: string; retryAfterMs: number | null };

/** An attempt worth running again, thrown so `retry` sees it. */
class RetryableAttempt extends Error {
  constructor(readonly attempt: Attempt & { final: false }) {
    super(`Cannot relay the message: ${attempt.reason}`);
    this.name = "RetryableAttempt";
  }
}

function readAnswer(text: string, status: number): Attempt {
  if (text.trim() === "") return { final: true, result: { kind: "silent" } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure(status, "the answer is not valid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return failure(status, "the answer is not a JSON object");
  }
  const { reply, handoff } = json as Record<string, unknown>;
  // `"handoff": true` asks the bot to pause the assistant and call staff; anything else is no.
  const flag = handoff === true ? { handoff: true as const } : {};
  if (reply === undefined || reply === null) {
    return { final: true, result: { kind: "silent", ...flag } };
  }
  if (typeof reply !== "string") return failure(status, '"reply" is not a string');
  if (reply.trim() === "") return { final: true, result: { kind: "silent", ...flag } };
  return { final: true, result: { kind: "reply", text: reply, ...flag } };
}

function failure(status: number | null, reason: string): Attempt {
  return { final: true, result: { kind: "failed", status, reason } };
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Creates a relay client; nothing is sent until `send`. */
export function createRelayClient(options: RelayClientOptions): RelayClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 2;
  const backoffMs = options.backoffMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 15_000;
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const observer = options.observer ?? {};
  if (!(timeoutMs > 0)) {
    throw new RangeError(`Cannot create the relay client: timeout ${timeoutMs} ms is not positive`);
  }

  async function attemptOnce(body: string): Promise<Attempt> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const timestamp = String(Math.floor(now() / 1000));
    headers["X-Ticketeer-Timestamp"] = timestamp;
    if (options.secret !== null) {
      headers["X-Ticketeer-Signature"] = await signRelayBody(options.secret, timestamp, body);
    }
    // One signal covers the request and reading the answer.
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(options.url, { method: "POST", headers, body, signal });
    } catch (error) {
      return {
        final: false,
        status: null,
        reason: describeFetchError(error, timeoutMs),
        retryAfterMs: null,
      };
    }
    if (response.status >= 200 && response.status < 300) {
      let bytes: Uint8Array | null;
      try {
        bytes = await readBounded(response, MAX_RESPONSE_BYTES);
      } catch (error) {
        return {
          final: false,
          status: response.status,
          reason: describeFetchError(error, timeoutMs),
          retryAfterMs: null,
        };
      }
      if (bytes === null) return failure(response.status, "the answer is larger than 1 MiB");
      return readAnswer(new TextDecoder().decode(bytes), response.status);
    }
    await response.body?.cancel().catch(() => {});
    const reason = `the service answered HTTP ${response.status}`;
    if (!isRetryableStatus(response.status)) return failure(response.status, reason);
    return {
      final: false,
      status: response.status,
      reason,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now()),
    };
  }

  return {
    async send(request) {
      const body = relayRequestBody(request);
      const started = performance.now();
      let attempts = 0;
      const finish = (result: Settled): RelayResult => {
        const durationMs = Math.round(performance.now() - started);
        observer.onResult?.(result.kind, durationMs / 1000);
        return { ...result, attempts, durationMs };
      };
      try {
        const settled = await retry(async (attempt) => {
          attempts = attempt;
          observer.onAttempt?.(attempt);
          const outcome = await attemptOnce(body);
          if (!outcome.final) throw new RetryableAttempt(outcome);
          return outcome.result;
        }, {
          maxAttempts: maxRetries + 1,
          // Each step doubles and is jittered into its upper half.
          minTimeout: Math.min(backoffMs, maxDelayMs),
          multiplier: 2,
          jitter: 0.5,
          maxTimeout: maxDelayMs,
          delayFor: (error) =>
            error instanceof RetryableAttempt ? error.attempt.retryAfterMs : null,
          onRetry: (attempt, delayMs, error) =>
            observer.onRetry?.(
              attempt,
              delayMs,
              error instanceof RetryableAttempt ? error.attempt.reason : String(error),
            ),
          ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
          random,
        });
        return finish(settled);
      } catch (error) {
        if (!(error instanceof RetryError) || !(error.cause instanceof RetryableAttempt)) {
          throw error;
        }
        const { status, reason } = error.cause.attempt;
        return finish({ kind: "failed", status, reason });
      }
    },
  };
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (
    error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")
  ) {
    return `no answer within ${timeoutMs} ms`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `the request failed: ${message}`;
}
