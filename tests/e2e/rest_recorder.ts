/**
 * A tiny REST server on 127.0.0.1 that records every request and answers from a
 * script: enough to unit-test the REST shell over real HTTP without the full fake.
 */

/** One request as the recorder saw it. */
export interface RecordedRequest {
  method: string;
  /** The path below `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body. */
  json: unknown;
  /** Uploaded files of a multipart body, by field name. */
  files: Map<string, File>;
  at: number;
}

/** How the recorder answers: a JSON value (status 200) or a full reply. */
export type RecorderReply =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | Response;

/** A running recorder. */
export interface RestRecorder {
  /** Base URL to give discordeno (`…/api`, without `/v10`). */
  baseUrl: string;
  /** Origin of the server (for download tests). */
  origin: string;
  calls: RecordedRequest[];
  /** Sets the responder; unmatched requests get 404 `{ code: 0 }`. */
  respond(handler: (request: RecordedRequest) => RecorderReply | undefined): void;
  close(): Promise<void>;
}

/** Starts a recorder on an ephemeral port. */
export function startRestRecorder(): Promise<RestRecorder> {
  const calls: RecordedRequest[] = [];
  let handler: (request: RecordedRequest) => RecorderReply | undefined = () => undefined;
  const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: (addr: Deno.NetAddr) => resolve(addr) },
    async (request: Request) => {
      const url = new URL(request.url);
      let json: unknown = null;
      const files = new Map<string, File>();
      const type = request.headers.get("content-type") ?? "";
      if (type.startsWith("multipart/form-data")) {
        const form = await request.formData();
        for (const [name, value] of form.entries()) {
          if (name === "payload_json" && typeof value === "string") json = JSON.parse(value);
          else if (value instanceof File) files.set(name, value);
        }
      } else {
        const text = await request.text();
        json = text === "" ? null : JSON.parse(text);
      }
      const recorded: RecordedRequest = {
        method: request.method,
        path: url.pathname.replace(/^\/api\/v10/, ""),
        query: url.searchParams,
        headers: request.headers,
        json,
        files,
        at: Date.now(),
      };
      calls.push(recorded);
      const reply = handler(recorded);
      if (reply instanceof Response) return reply;
      if (reply === undefined) {
        return Response.json({ message: "404: Not Found", code: 0 }, { status: 404 });
      }
      // Generous bucket headers, as Discord sends on every answer: without them
      // discordeno allows one request per route per second.
      const headers = reply.headers ?? {
        "x-ratelimit-limit": "50",
        "x-ratelimit-remaining": "49",
        "x-ratelimit-reset-after": "1",
        "x-ratelimit-bucket": `b${recorded.path.split("/")[1] ?? ""}`,
      };
      if (reply.status === 204) return new Response(null, { status: 204, headers });
      return Response.json(reply.json ?? {}, { status: reply.status, headers });
    },
  );
  return listening.then((addr) => ({
    baseUrl: `http://127.0.0.1:${addr.port}/api`,
    origin: `http://127.0.0.1:${addr.port}`,
    calls,
    respond(next) {
      handler = next;
    },
    close: () => server.shutdown(),
  }));
}

/** A syntactically valid bot token for the application id `id`. */
export function tokenFor(id: string): string {
  return `${btoa(id).replaceAll("=", "")}.GhXkQw.${"x".repeat(38)}`;
}
