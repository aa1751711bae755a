import { bucketKeyOf, matchesRoute, type RoutePattern } from "./route_pattern.ts";
import type { EarlyRetry } from "./types.ts";

/** How the fake limits requests; the defaults are generous so well-behaved bots never hit them. */
export interface RateLimitOptions {
  /** Requests per bucket per window (default 50). */
  routeLimit?: number;
  /** Bucket window in milliseconds (default 1,000). */
  routeWindowMs?: number;
  /** Requests per second across all routes, interaction callbacks exempt (default 50). */
  globalPerSecond?: number;
}

/** A 429 the next `count` matching requests get. */
export interface Inject429Options {
  route?: RoutePattern;
  count: number;
  /** What `Retry-After` asks (Cloudflare: 0 sends no `Retry-After`). */
  retryAfterMs: number;
  global?: boolean;
  /**
   * Whose limit it is (default `user`, or `global` with `global: true`). A `shared`
   * limit belongs to the resource: the route's own headers stay as they were (its
   * `x-ratelimit-reset-after` may end long before `Retry-After`).
   */
  scope?: "user" | "global" | "shared";
  /** Cloudflare's answer for a banned IP: an HTML page, no `X-RateLimit-*` headers. */
  cloudflare?: boolean;
}

interface Injection extends Inject429Options {
  left: number;
}

interface Bucket {
  count: number;
  resetAt: number;
}

/** A request as the limiter sees it. */
export interface LimitedRequest {
  method: string;
  route: string;
  path: string;
  /** Interaction callbacks are exempt from the global limit. */
  exempt: boolean;
}

function hashBucket(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/**
 * Per-route buckets with Discord's headers, a loose global limit, injected 429s,
 * and a record of every request sent before its `retry_after` had elapsed.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #globalPerSecond: number;
  readonly #buckets = new Map<string, Bucket>();
  readonly #blockedUntil = new Map<string, number>();
  #globalBlockedUntil = 0;
  readonly #recent: number[] = [];
  readonly #injections: Injection[] = [];
  readonly earlyRetries: EarlyRetry[] = [];
  /** Count of 429 answers given, injected or earned. */
  rateLimitedCount = 0;
  /** Arrival times of non-exempt requests in the last second, refused ones included. */
  readonly #arrivals: number[] = [];
  /** The most non-exempt requests that arrived within any one second (a sliding window). */
  maxGlobalPerSecond = 0;

  constructor(options: RateLimitOptions = {}) {
    this.#limit = options.routeLimit ?? 50;
    this.#windowMs = options.routeWindowMs ?? 1000;
    this.#globalPerSecond = options.globalPerSecond ?? 50;
  }

  /** Queues 429 answers for the next `count` matching requests. */
  inject429(options: Inject429Options): void {
    this.#injections.push({ ...options, left: options.count });
  }

  /**
   * Accounts for one request at `now` (ms, `performance.now()`): returns a 429
   * answer when it must be refused, plus the headers every answer carries.
   */
  check(request: LimitedRequest, now: number): { refusal: Response | null; headers: Headers } {
    const key = bucketKeyOf(request.method, request.route, request.path);
    if (!request.exempt) {
      while (this.#arrivals.length > 0 && (this.#arrivals[0] ?? 0) <= now - 1000) {
        this.#arrivals.shift();
      }
      this.#arrivals.push(now);
      this.maxGlobalPerSecond = Math.max(this.maxGlobalPerSecond, this.#arrivals.length);
    }
    const bucketHash = hashBucket(`${request.method} ${request.route}`);
    this.#noteEarly(request, key, now);

    const headers = new Headers();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined || now >= bucket.resetAt) {
      bucket = { count: 0, resetAt: now + this.#windowMs };
      this.#buckets.set(key, bucket);
    }
    bucket.count++;
    const resetAfter = bucket.resetAt - now;
    headers.set("x-ratelimit-bucket", bucketHash);
    headers.set("x-ratelimit-limit", String(this.#limit));
    headers.set("x-ratelimit-remaining", String(Math.max(0, this.#limit - bucket.count)));
    headers.set("x-ratelimit-reset", ((Date.now() + resetAfter) / 1000).toFixed(3));
    headers.set("x-ratelimit-reset-after", seconds(resetAfter));

    const injection = this.#injections.find((i) =>
      i.left > 0 && matchesRoute(i.route, request.method, request.route)
    );
    if (injection !== undefined) {
      injection.left--;
      return {
        refusal: injection.cloudflare === true
          ? this.#ban(key, injection.retryAfterMs, now)
          : injection.scope === "shared"
          ? this.#refuseShared(key, headers, injection.retryAfterMs, now)
          : this.#refuse(
            key,
            headers,
            injection.retryAfterMs,
            injection.global === true || injection.scope === "global",
            now,
          ),
        headers,
      };
    }

    if (!request.exempt) {
      while (this.#recent.length > 0 && (this.#recent[0] ?? 0) <= now - 1000) this.#recent.shift();
      if (this.#recent.length >= this.#globalPerSecond) {
        const retryAfter = (this.#recent[0] ?? now) + 1000 - now;
        return { refusal: this.#refuse(key, headers, retryAfter, true, now), headers };
      }
      this.#recent.push(now);
    }

    if (bucket.count > this.#limit) {
      return { refusal: this.#refuse(key, headers, resetAfter, false, now), headers };
    }
    return { refusal: null, headers };
  }

  #noteEarly(request: LimitedRequest, key: string, now: number): void {
    // One millisecond of slack for timer rounding between the two clocks' reads.
    const slack = 1;
    const until = this.#blockedUntil.get(key);
    if (until !== undefined && now + slack < until) {
      this.earlyRetries.push({
        method: request.method,
        route: request.route,
        path: request.path,
        earlyByMs: until - now,
        global: false,
      });
    } else if (!request.exempt && now + slack < this.#globalBlockedUntil) {
      this.earlyRetries.push({
        method: request.method,
        route: request.route,
        path: request.path,
        earlyByMs: this.#globalBlockedUntil - now,
        global: true,
      });
    }
  }

  /** A shared-scope 429: `Retry-After` for the resource, the route's headers unchanged. */
  #refuseShared(key: string, headers: Headers, retryAfterMs: number, now: number): Response {
    this.rateLimitedCount++;
    this.#blockedUntil.set(key, now + retryAfterMs);
    const out = new Headers(headers);
    out.set("retry-after", seconds(retryAfterMs));
    out.set("x-ratelimit-scope", "shared");
    out.set("content-type", "application/json");
    const body = {
      message: "You are being rate limited.",
      retry_after: Number(seconds(retryAfterMs)),
      global: false,
    };
    return new Response(JSON.stringify(body), { status: 429, headers: out });
  }

  /** Cloudflare's 429 for a banned IP: HTML, and no rate-limit headers at all. */
  #ban(key: string, retryAfterMs: number, now: number): Response {
    this.rateLimitedCount++;
    this.#blockedUntil.set(key, now + Math.max(retryAfterMs, 60_000));
    const out = new Headers({ "content-type": "text/html; charset=UTF-8" });
    if (retryAfterMs > 0) out.set("retry-after", String(Math.ceil(retryAfterMs / 1000)));
    const page = "<!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare " +
      "to restrict access</title></head><body>Error 1015: You are being rate limited.</body></html>";
    return new Response(page, { status: 429, headers: out });
  }

  #refuse(
    key: string,
    headers: Headers,
    retryAfterMs: number,
    global: boolean,
    now: number,
  ): Response {
    this.rateLimitedCount++;
    const out = new Headers(headers);
    out.set("retry-after", seconds(retryAfterMs));
    out.set("content-type", "application/json");
    if (global) {
      this.#globalBlockedUntil = Math.max(this.#globalBlockedUntil, now + retryAfterMs);
      out.set("x-ratelimit-global", "true");
      out.set("x-ratelimit-scope", "global");
      for (
        const name of [
          "x-ratelimit-remaining",
          "x-ratelimit-reset",
          "x-ratelimit-reset-after",
          "x-ratelimit-limit",
        ]
      ) {
        out.delete(name);
      }
    } else {
      this.#blockedUntil.set(key, now + retryAfterMs);
      out.set("x-ratelimit-scope", "user");
      out.set("x-ratelimit-remaining", "0");
      out.set("x-ratelimit-reset-after", seconds(retryAfterMs));
      out.set("x-ratelimit-reset", ((Date.now() + retryAfterMs) / 1000).toFixed(3));
    }
    const body = {
      message: "You are being rate limited.",
      retry_after: Number(seconds(retryAfterMs)),
      global,
    };
    return new Response(JSON.stringify(body), { status: 429, headers: out });
  }
}
