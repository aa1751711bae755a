/**
 * The assistant's HTTP routes as one `(Request) => Promise<Response>`:
 * `POST /relay` (size limit, then signature, then body, then the answer) and
 * `GET /health`. Every answer is JSON, errors included, and every request gets
 * exactly one log line, without message content at `info`.
 */
import type { Logger } from "@logtape/logtape";
import { readBounded } from "../lib/read_bounded.ts";
import { verifyRelaySignature } from "../relay/sign.ts";
import type { Answer, Answerer } from "./answer.ts";
import { parseRelayBody } from "./relay_body.ts";

/** Largest relay body accepted (64 KiB); larger ones get 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Oldest (and furthest in the future) accepted `X-Ticketeer-Timestamp`, in seconds. */
export const MAX_SKEW_SECONDS = 300;

export interface RelayHandlerOptions {
  /** `RELAY_SECRET`. */
  secret: string;
  answer: Answerer;
  log: Logger;
  /** Extra fields of the health answer (model, documents). */
  health?: () => Record<string, unknown>;
  /** Wall-clock milliseconds. */
  now?: () => number;
}

interface Outcome {
  response: Response;
  /** Said in the log line: why a request was refused, or where the answer came from. */
  note: string;
  ticketNumber?: string;
  error?: unknown;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(value, { status, headers });
}

function refused(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Outcome {
  return { response: json(status, { error, ...extra }, headers), note: error };
}

/** Creates the handler. */
export function createRelayHandler(
  options: RelayHandlerOptions,
): (request: Request) => Promise<Response> {
  const { secret, answer, log } = options;
  const now = options.now ?? Date.now;

  async function relay(request: Request): Promise<Outcome> {
    const bytes = await readBounded(request, MAX_BODY_BYTES);
    if (bytes === null) return refused(413, `The body is larger than ${MAX_BODY_BYTES} bytes`);
    let body: string;
    try {
      body = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return refused(400, "The body is not UTF-8 text", { fields: [] });
    }

    const timestamp = request.headers.get("x-ticketeer-timestamp") ?? "";
    const signature = request.headers.get("x-ticketeer-signature") ?? "";
    if (!/^\d{1,12}$/.test(timestamp)) {
      return refused(401, "X-Ticketeer-Timestamp is missing or not Unix seconds");
    }
    if (Math.abs(now() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
      return refused(401, "X-Ticketeer-Timestamp is more than 5 minutes from this server's clock");
    }
    if (signature === "" || !(await verifyRelaySignature(secret, timestamp, body, signature))) {
      return refused(401, "X-Ticketeer-Signature does not match the body and RELAY_SECRET");
    }

    const parsed = parseRelayBody(body);
    if (!parsed.ok) {
      return {
        ...refused(400, "The relay body is invalid", {
          fields: parsed.fields,
          problems: parsed.problems,
        }),
        note: `invalid body: ${parsed.problems.join("; ")}`,
      };
    }
    log.debug("Ticket {ticketNumber}: {content}", {
      ticketNumber: parsed.body.ticket_number,
      content: parsed.body.content,
    });
    const result: Answer = await answer(parsed.body);
    const payload = result.handoff === true
      ? { reply: result.reply, handoff: true }
      : { reply: result.reply };
    return {
      response: json(200, payload),
      note: result.source,
      ticketNumber: parsed.body.ticket_number,
    };
  }

  async function route(request: Request, path: string): Promise<Outcome> {
    if (path === "/relay") {
      if (request.method === "POST") return await relay(request);
      return refused(405, "Use POST for /relay", {}, { Allow: "POST" });
    }
    if (path === "/health") {
      if (request.method === "GET" || request.method === "HEAD") {
        return { response: json(200, { status: "ok", ...options.health?.() }), note: "health" };
      }
      return refused(405, "Use GET for /health", {}, { Allow: "GET, HEAD" });
    }
    return refused(404, `No route ${request.method} ${path}: use POST /relay or GET /health`);
  }

  return async (request) => {
    const started = performance.now();
    const path = new URL(request.url).pathname;
    let outcome: Outcome;
    try {
      outcome = await route(request, path);
    } catch (error) {
      outcome = { ...refused(500, "The assistant failed to answer; see its log"), error };
    }
    const fields = {
      method: request.method,
      path,
      status: outcome.response.status,
      ms: Math.round(performance.now() - started),
      note: outcome.note,
      ticketNumber: outcome.ticketNumber ?? null,
    };
    if (outcome.error !== undefined) {
      log.error("{method} {path} {status} in {ms} ms: unexpected error: {error}", {
        ...fields,
        error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
      });
    } else {
      log.info("{method} {path} {status} in {ms} ms ({note})", fields);
    }
    return outcome.response;
  };
}
