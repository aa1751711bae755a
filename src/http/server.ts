/**
 * The HTTP server: `GET /health`, `GET /metrics` and, when a public key is set,
 * `POST /interactions` (Discord HTTP interactions, Ed25519-verified, answered by
 * REST callback and an empty `202`), and the web pages below `/web/` when they are
 * on. The handler
 * is a plain `(Request) => Promise<Response>` so tests call it without a port.
 */
import { getLogger } from "@logtape/logtape";
import type { Metrics } from "../app/metrics.ts";
import type { InteractionCallback } from "../discord/interactions/interaction_transport.ts";
import { ignoredAnswer } from "../discord/interactions/interaction_response.ts";
import { parseInteraction } from "../discord/interactions/parse_interaction.ts";
import {
  type InFlight,
  runInteraction,
  type RunInteractionDeps,
} from "../discord/interactions/run_interaction.ts";
import type { InteractionVerifier } from "../discord/interactions/verify.ts";
import { readBounded } from "../lib/read_bounded.ts";
import { withDeadline } from "../lib/deadline.ts";

const log = getLogger(["ticketeer", "http"]);

/** The gateway as `/health` reports it. */
export type GatewayState = "connected" | "disconnected" | "off";

/** One gateway shard of this process as `/health` reports it (state in lower case). */
export interface ShardHealth {
  id: number;
  state: string;
}

/** How the process keeps under Discord's global limit: the shared budget, a REST proxy, or alone. */
export type PacingHealth = "shared" | "proxy" | "alone";

/** What `POST /interactions` needs; absent when no public key is configured. */
export interface HttpInteractions {
  verify: InteractionVerifier;
  /** Everything `runInteraction` needs except `first` (sent by REST before the 202). */
  run: Omit<RunInteractionDeps, "first">;
  /** Shared with the gateway shell: tracks work and carries the shutdown switch. */
  inFlight: InFlight;
}

/** What the HTTP handler reads and runs. */
export interface HttpDeps {
  version: string;
  /** True once startup finished (database migrated, token checked). */
  ready(): boolean;
  /** True when the database answers a trivial query. */
  checkDatabase(): Promise<boolean>;
  gatewayState(): GatewayState;
  /** This process's gateway shards (none with `GATEWAY=off`). */
  shards?(): ShardHealth[];
  pacing?: PacingHealth;
  relayConfigured: boolean;
  metrics: Metrics;
  interactions: HttpInteractions | null;
  /** Largest accepted request body (default 1 MiB). */
  maxBodyBytes?: number;
  /** How long `/health` waits for the database (default 2000 ms). */
  healthTimeoutMs?: number;
  /** The web pages, served below `/web/` (with `PUBLIC_URL`); absent when off. */
  web?: ((request: Request) => Promise<Response>) | null;
}

/** The `/health` body. */
export interface HealthReport {
  status: "ok" | "starting" | "unavailable";
  database: "ok" | "error";
  gateway: GatewayState;
  shards: ShardHealth[];
  pacing: PacingHealth;
  relay: "configured" | "unconfigured";
  version: string;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function plain(text: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  });
}

/** Builds the HTTP handler over `deps`. */
export function createHttpHandler(deps: HttpDeps): (request: Request) => Promise<Response> {
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const healthTimeoutMs = deps.healthTimeoutMs ?? 2000;

  async function health(): Promise<Response> {
    const ready = deps.ready();
    const database =
      await withDeadline(deps.checkDatabase().catch(() => false), healthTimeoutMs, () => false)
        ? "ok"
        : "error";
    const report: HealthReport = {
      status: !ready ? "starting" : database === "ok" ? "ok" : "unavailable",
      database,
      gateway: deps.gatewayState(),
      shards: deps.shards?.() ?? [],
      pacing: deps.pacing ?? "alone",
      relay: deps.relayConfigured ? "configured" : "unconfigured",
      version: deps.version,
    };
    return json(report, report.status === "ok" ? 200 : 503, { "cache-control": "no-store" });
  }

  async function metrics(): Promise<Response> {
    return new Response(await deps.metrics.render(), {
      headers: { "content-type": deps.metrics.registry.contentType, "cache-control": "no-store" },
    });
  }

  async function interaction(request: Request, setup: HttpInteractions): Promise<Response> {
    if (setup.inFlight.closed) {
      await request.body?.cancel();
      return plain("shutting down", 503);
    }
    const signatureHex = request.headers.get("x-signature-ed25519");
    const timestamp = request.headers.get("x-signature-timestamp");
    if (signatureHex === null || timestamp === null) {
      await request.body?.cancel();
      return plain("invalid request signature", 401);
    }
    const rawBody = await readBounded(request, maxBodyBytes);
    if (rawBody === null) return plain("request body too large", 413);
    if (!(await setup.verify({ signatureHex, timestamp, rawBody }))) {
      log.debug("Rejected an interaction request with an invalid signature");
      return plain("invalid request signature", 401);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(rawBody));
    } catch {
      return plain("request body is not JSON", 400);
    }
    const parsed = parseInteraction(raw);
    if (parsed.kind === "ping") return json({ type: 1 });
    if (parsed.kind === "ignored") {
      log.debug("Ignored an HTTP interaction: {reason}", { reason: parsed.reason });
      return json(ignoredAnswer(parsed));
    }

    // The first answer goes by REST callback, then the request is answered 202: an
    // answer in the HTTP body may not be processed yet when an edit of `@original`
    // reaches Discord (404 Unknown Webhook), and handlers edit right after deferring.
    const answered = Promise.withResolvers<void>();
    const first = async (callback: InteractionCallback) => {
      try {
        await setup.run.transport.callback(parsed.id, parsed.token, callback);
      } finally {
        answered.resolve();
      }
    };
    // The handler keeps running after the response is sent (edits, follow-ups):
    // the in-flight tracker lets shutdown wait for it.
    const done = setup.inFlight.track(runInteraction(parsed, { ...setup.run, first }));
    const sent = await Promise.race([answered.promise.then(() => true), done.then(() => false)]);
    if (!sent) {
      log.error("An interaction finished without a first answer: {interactionId}", {
        interactionId: parsed.id,
      });
      return plain("internal error", 500);
    }
    return new Response(null, { status: 202 });
  }

  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const get = request.method === "GET" || request.method === "HEAD";
    if (deps.web && (pathname === "/web" || pathname.startsWith("/web/"))) {
      return await deps.web(request);
    }
    switch (pathname) {
      case "/health":
        return get ? await health() : plain("method not allowed", 405, { allow: "GET, HEAD" });
      case "/metrics":
        return get ? await metrics() : plain("method not allowed", 405, { allow: "GET, HEAD" });
      case "/interactions":
        if (deps.interactions === null) break;
        if (request.method !== "POST") {
          return plain("method not allowed", 405, { allow: "POST" });
        }
        return await interaction(request, deps.interactions);
    }
    await request.body?.cancel();
    return plain("not found", 404);
  }

  return async (request) => {
    try {
      return await route(request);
    } catch (error) {
      log.error("HTTP request {method} {path} failed: {error}", {
        method: request.method,
        path: new URL(request.url).pathname,
        error,
      });
      return plain("internal error", 500);
    }
  };
}

/** A listening HTTP server. */
export interface HttpServer {
  /** Where it listens (the real port when 0 was asked for). */
  address: { host: string; port: number };
  /** Resolves once the server has stopped (after `signal` aborted). */
  finished: Promise<void>;
}

/** Serves `handler` on `address` with `Deno.serve` until `signal` aborts. */
export function serveHttp(
  address: { host: string; port: number },
  handler: (request: Request) => Promise<Response>,
  signal: AbortSignal,
): HttpServer {
  const server = Deno.serve({
    hostname: address.host,
    port: address.port,
    signal,
    onListen: () => {},
  }, handler);
  const bound = { host: server.addr.hostname, port: server.addr.port };
  log.info("HTTP server listening on {host}:{port}", bound);
  return { address: bound, finished: server.finished };
}
