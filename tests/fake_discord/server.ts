import { linkValid } from "./cdn_links.ts";
import type { FakeContext, RestRequest, UploadedFile } from "./context.ts";
import { discordError } from "./http_errors.ts";
import type { RateLimiter } from "./rate_limits.ts";
import { findRoute } from "./rest_routes.ts";
import { matchesRoute, type RoutePattern, templateOf } from "./route_pattern.ts";
import type { CallRecord } from "./types.ts";
import { unreadFields, validateBody } from "./validation.ts";

/** A one-off failure a test asks for. */
export interface FailNextOptions {
  method?: string;
  route?: RoutePattern;
  status: number;
  code?: number;
  message?: string;
}

/** Server errors for the next `count` matching requests. */
export interface Inject5xxOptions {
  route?: RoutePattern;
  count: number;
  status?: number;
}

/** Which request to hold, and whether to hold it before or after it takes effect. */
export interface HoldOptions {
  method?: string;
  route?: RoutePattern;
  /**
   * Hold the answer after the request took effect (the message is created, the channel
   * deleted …), as when a client dies before reading it. Default: hold before.
   */
  afterEffect?: boolean;
  /**
   * Send the answer's status and headers, then withhold its body (a connection
   * that stalls mid-answer). Implies `afterEffect`.
   */
  afterHeaders?: boolean;
}

/** A request held by the fake until the test releases it. */
export interface HeldRequest {
  /** Resolves with the call once a matching request is held. */
  arrived: Promise<CallRecord>;
  /** Lets the held request go on (idempotent); the fake releases every hold on close. */
  release(): void;
}

/** A hold waiting for its request. */
export interface PendingHold {
  options: HoldOptions;
  taken: boolean;
  arrived: PromiseWithResolvers<CallRecord>;
  released: PromiseWithResolvers<void>;
}

/** What the REST pipeline needs besides the handlers' context. */
export interface RestPipeline {
  ctx: FakeContext;
  limiter: RateLimiter;
  calls: CallRecord[];
  failures: (FailNextOptions & { left: number })[];
  /** Requests to hold; optional so older callers need not pass it. */
  holds?: PendingHold[];
  onChange: () => void;
}

async function readBody(
  request: Request,
): Promise<{ body: unknown; files: UploadedFile[]; badJson: boolean }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData();
    let body: unknown = undefined;
    let badJson = false;
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") {
          try {
            body = JSON.parse(value);
          } catch {
            badJson = true;
          }
        }
        continue;
      }
      files.push({
        field,
        filename: value.name,
        contentType: value.type === "" ? null : value.type,
        data: new Uint8Array(await value.arrayBuffer()),
      });
    }
    return { body, files, badJson };
  }
  const text = await request.text();
  if (text === "") return { body: undefined, files: [], badJson: false };
  try {
    return { body: JSON.parse(text), files: [], badJson: false };
  } catch {
    return { body: undefined, files: [], badJson: true };
  }
}

function auditReason(header: string | null): string | null {
  if (header === null) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

function withHeaders(response: Response, headers: Headers): Response {
  const merged = new Headers(headers);
  response.headers.forEach((value, name) => merged.set(name, value));
  return new Response(response.body, { status: response.status, headers: merged });
}

/** Serves one REST request below `/api/v10`: records, validates, limits, then handles it. */
export async function serveRest(
  pipeline: RestPipeline,
  request: Request,
  path: string,
  query: URLSearchParams,
): Promise<Response> {
  const { ctx } = pipeline;
  const now = performance.now();
  const method = request.method.toUpperCase();
  const template = templateOf(path);
  const { body, files, badJson } = await readBody(request);
  const record: CallRecord = {
    method,
    route: template,
    path,
    query: Object.fromEntries(query.entries()),
    body,
    files: files.map((f) => ({ field: f.field, filename: f.filename, size: f.data.byteLength })),
    status: 0,
    reason: auditReason(request.headers.get("x-audit-log-reason")),
    at: now,
  };
  pipeline.calls.push(record);
  const finish = (response: Response): Response => {
    record.status = response.status;
    pipeline.onChange();
    return response;
  };

  const found = findRoute(method, path);
  if (found === null) {
    ctx.violation({
      kind: "unknown_route",
      method,
      route: template,
      detail: `No route ${method} ${path}`,
    });
    return finish(Response.json({ message: "404: Not Found", code: 0 }, { status: 404 }));
  }
  const authorization = request.headers.get("authorization");
  const authorized = authorization === `Bot ${ctx.token}`;
  if (!found.route.tokenAuth && authorization === null) {
    ctx.violation({
      kind: "unauthorized",
      method,
      route: template,
      detail: "No Authorization header",
    });
  }
  if ((!found.route.tokenAuth && !authorized) || (authorization !== null && !authorized)) {
    return finish(Response.json({ message: "401: Unauthorized", code: 0 }, { status: 401 }));
  }
  if (badJson) {
    ctx.violation({
      kind: "schema",
      method,
      route: template,
      detail: "The body is not valid JSON",
    });
  }
  const validation = body === undefined
    ? { ok: true, errors: {}, summary: "" }
    : validateBody(method, found.route.specPath, body);
  if (!validation.ok) {
    ctx.violation({ kind: "schema", method, route: template, detail: validation.summary });
  }
  // Discord ignores fields it does not know; the bot meant them, so they are recorded.
  const unread = body === undefined ? null : unreadFields(body);
  if (unread !== null) ctx.violation({ kind: "schema", method, route: template, detail: unread });

  // "Interaction endpoints are not bound to the bot's Global Rate Limit": the
  // callback and the token webhook routes (original answer, follow-ups) alike.
  const exempt = found.route.specPath.startsWith("/interactions/") ||
    found.route.specPath.startsWith("/webhooks/{webhook_id}/{webhook_token}");
  const { refusal, headers } = pipeline.limiter.check(
    { method, route: template, path, exempt },
    now,
  );
  if (refusal !== null) return finish(refusal);

  const failure = pipeline.failures.find((f) =>
    f.left > 0 && (f.method === undefined || f.method.toUpperCase() === method) &&
    matchesRoute(f.route, method, template)
  );
  if (failure !== undefined) {
    failure.left--;
    const code = failure.code ?? 0;
    const message = failure.message ??
      (failure.status >= 500 ? `${failure.status}: Internal Server Error` : "Injected failure");
    return finish(withHeaders(discordError(failure.status, code, message), headers));
  }
  if (badJson) {
    return finish(
      withHeaders(discordError(400, 50109, "The request body contains invalid JSON."), headers),
    );
  }
  if (!validation.ok) {
    return finish(
      withHeaders(
        Response.json({ code: 50035, message: "Invalid Form Body", errors: validation.errors }, {
          status: 400,
        }),
        headers,
      ),
    );
  }
  const hold = pipeline.holds?.find((h) =>
    !h.taken && (h.options.method === undefined || h.options.method.toUpperCase() === method) &&
    matchesRoute(h.options.route, method, template)
  );
  if (hold !== undefined) hold.taken = true;
  if (hold !== undefined && hold.options.afterEffect !== true) {
    hold.arrived.resolve(record);
    await hold.released.promise;
  }
  const restRequest: RestRequest = {
    method,
    path,
    params: found.params,
    query,
    body,
    files,
    authorized,
    now,
  };
  const response = await found.route.handler(restRequest, ctx);
  if (hold !== undefined && hold.options.afterHeaders === true) {
    return finish(withheldBody(withHeaders(response, headers), hold, record));
  }
  if (hold !== undefined && hold.options.afterEffect === true) {
    hold.arrived.resolve(record);
    await hold.released.promise;
  }
  return finish(withHeaders(response, headers));
}

/** `response` with its body sent only once `hold` is released. */
function withheldBody(response: Response, hold: PendingHold, record: CallRecord): Response {
  const body = response.body;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      hold.arrived.resolve(record);
      await hold.released.promise;
      if (body !== null) {
        for await (const chunk of body) controller.enqueue(chunk);
      }
      controller.close();
    },
    cancel: () => body?.cancel(),
  });
  return new Response(stream, { status: response.status, headers: response.headers });
}

/** Serves an uploaded file from the fake CDN (`/cdn/attachments/{channel}/{id}/{name}`). */
export function serveCdn(ctx: FakeContext, url: URL): Response {
  const parts = url.pathname.split("/");
  const attachment = ctx.state.attachments.get(parts[4] ?? "");
  if (attachment === undefined) return new Response("Not Found", { status: 404 });
  if (!linkValid(url, ctx.state.cdnNow())) {
    return new Response("This content is no longer available.", { status: 404 });
  }
  return new Response(attachment.data.slice(), {
    status: 200,
    headers: {
      "content-type": attachment.content_type ?? "application/octet-stream",
      "content-length": String(attachment.size),
    },
  });
}
