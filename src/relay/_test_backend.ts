/**
 * A real assistant service for the relay tests: `Deno.serve` on 127.0.0.1 with
 * a port chosen by the system. Handlers may hold a request open until the
 * backend closes, which releases them first so shutdown never waits.
 */

/** A request the backend received, with its raw body. */
export interface ReceivedRequest {
  headers: Headers;
  body: string;
}

/** What a backend handler gets: the request, its body and a promise that settles on close. */
export interface BackendCall {
  request: Request;
  body: string;
  /** Index of this call, from 0. */
  index: number;
  /** Resolves when the backend is closing: await it to hang until then. */
  closing: Promise<void>;
}

export interface TestBackend {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Starts a local service answering with `handler`. */
export function startBackend(
  handler: (call: BackendCall) => Response | Promise<Response>,
): TestBackend {
  const received: ReceivedRequest[] = [];
  const { promise: closing, resolve: release } = Promise.withResolvers<void>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (request) => {
      const body = await request.text();
      const index = received.length;
      received.push({ headers: request.headers, body });
      return await handler({ request, body, index, closing });
    },
  );
  let closed: Promise<void> | null = null;
  const close = () => {
    release();
    return closed ??= server.shutdown();
  };
  return {
    url: `http://127.0.0.1:${server.addr.port}/relay`,
    received,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port just released). */
export function closedPortUrl(): string {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return `http://127.0.0.1:${port}/relay`;
}

/** A JSON response. */
export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}
