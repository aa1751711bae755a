import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import {
  type Dial,
  dialer,
  GatewaySocket,
  proxyConfigured,
  READ_BYTES,
  type SocketClose,
} from "./gateway_socket.ts";
import { decodeClose, OPCODE } from "./websocket_frames.ts";
import { acceptFor } from "./websocket_handshake.ts";

/** A WebSocket server on 127.0.0.1 (Deno's own), calling `onSocket` for each connection. */
function serve(
  onSocket: (socket: WebSocket) => void,
  tls?: { cert: string; key: string },
): { url: (path?: string) => URL; close: () => Promise<void> } {
  const sockets: WebSocket[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {}, ...tls }, (r) => {
    if (new URL(r.url).pathname === "/refuse") return new Response("no", { status: 404 });
    const { socket, response } = Deno.upgradeWebSocket(r);
    sockets.push(socket);
    onSocket(socket);
    return response;
  });
  const scheme = tls === undefined ? "ws" : "wss";
  return {
    url: (path = "/gateway?v=10") =>
      new URL(`${scheme}://${tls ? "localhost" : "127.0.0.1"}:${server.addr.port}${path}`),
    async close() {
      for (const socket of sockets) if (socket.readyState === WebSocket.OPEN) socket.close();
      await server.shutdown();
    },
  };
}

/** What a socket reported, and a promise of its close. */
function watch(socket: GatewaySocket) {
  const messages: Array<string | ArrayBuffer> = [];
  const errors: string[] = [];
  const opened = Promise.withResolvers<void>();
  const closed = Promise.withResolvers<SocketClose>();
  let waiting: { count: number; resolve: () => void } | null = null;
  socket.onopen = () => opened.resolve();
  socket.onmessage = (event) => {
    messages.push(event.data);
    if (waiting !== null && messages.length >= waiting.count) waiting.resolve();
  };
  socket.onerror = (event) => errors.push((event as ErrorEvent).message);
  socket.onclose = (close) => closed.resolve(close);
  return {
    messages,
    errors,
    opened: opened.promise,
    closed: closed.promise,
    messagesAt(count: number): Promise<void> {
      if (messages.length >= count) return Promise.resolve();
      const { promise, resolve } = Promise.withResolvers<void>();
      waiting = { count, resolve };
      return promise;
    },
  };
}

Deno.test("GatewaySocket exchanges messages of every length with Deno's WebSocket server", async () => {
  const sizes = [1, 125, 126, 300, 65_535, 65_536, 70_000, 1_048_576];
  const received: string[] = [];
  const allReceived = Promise.withResolvers<void>();
  const server = serve((socket) => {
    socket.onopen = () => {
      for (const size of sizes) socket.send("s".repeat(size));
      socket.send(new Uint8Array([7, 8, 9]));
    };
    socket.onmessage = (event) => {
      received.push(event.data);
      if (received.length === sizes.length) allReceived.resolve();
    };
  });
  const socket = new GatewaySocket(server.url());
  const seen = watch(socket);
  try {
    await seen.opened;
    assert.equal(socket.readyState, GatewaySocket.OPEN);
    await seen.messagesAt(sizes.length + 1);
    assert.deepEqual(seen.messages.slice(0, -1).map((m) => (m as string).length), sizes);
    assert.ok(seen.messages.every((m, i) => i === sizes.length || /^s+$/.test(m as string)));
    assert.deepEqual(
      new Uint8Array(seen.messages.at(-1) as ArrayBuffer),
      new Uint8Array([7, 8, 9]),
    );
    for (const size of sizes) socket.send("c".repeat(size));
    await allReceived.promise;
    assert.deepEqual(received.map((m) => m.length), sizes);
  } finally {
    socket.close();
    await seen.closed;
    await server.close();
  }
});

Deno.test("GatewaySocket reports the server's close code and reason", async () => {
  const server = serve((socket) => {
    socket.onopen = () => socket.close(4000, "unknown error");
  });
  const socket = new GatewaySocket(server.url());
  const seen = watch(socket);
  try {
    assert.deepEqual(await seen.closed, { code: 4000, reason: "unknown error", wasClean: true });
    assert.equal(socket.readyState, GatewaySocket.CLOSED);
    assert.deepEqual(seen.errors, []);
  } finally {
    await server.close();
  }
});

Deno.test("GatewaySocket closes with its own code, which the server sees", async () => {
  const serverSaw = Promise.withResolvers<{ code: number; reason: string }>();
  const server = serve((socket) => {
    socket.onclose = (event) => serverSaw.resolve({ code: event.code, reason: event.reason });
  });
  const socket = new GatewaySocket(server.url());
  const seen = watch(socket);
  try {
    await seen.opened;
    socket.close(3000, "Shutting down");
    assert.equal(socket.readyState, GatewaySocket.CLOSING);
    socket.send("dropped: the socket is closing");
    // Deno's server echoes the code and the reason.
    assert.deepEqual(await seen.closed, { code: 3000, reason: "Shutting down", wasClean: true });
    assert.deepEqual(await serverSaw.promise, { code: 3000, reason: "Shutting down" });
    assert.deepEqual(seen.messages, []);
  } finally {
    await server.close();
  }
});

Deno.test("GatewaySocket reads again only after it handed on every message of the last read", async () => {
  const count = 2000;
  const server = serve((socket) => {
    socket.onopen = () => {
      for (let i = 0; i < count; i++) socket.send(`${i}:${"g".repeat(10_000)}`);
    };
  });
  let reading = false;
  let largestRead = 0;
  let readsDuringMessages = 0;
  const dial: Dial = async (url) => {
    const conn = await dialer()(url);
    const read = conn.read.bind(conn);
    conn.read = async (buffer: Uint8Array) => {
      reading = true;
      largestRead = Math.max(largestRead, buffer.length);
      try {
        return await read(buffer);
      } finally {
        reading = false;
      }
    };
    return conn;
  };
  const socket = new GatewaySocket(server.url(), { dial });
  const seen = watch(socket);
  const onmessage = socket.onmessage!;
  socket.onmessage = (event) => {
    if (reading) readsDuringMessages++;
    // A slow handler: the burst must wait in the kernel, not in the process.
    const until = performance.now() + 0.05;
    while (performance.now() < until) { /* busy */ }
    onmessage(event);
  };
  try {
    await seen.messagesAt(count);
    assert.equal(readsDuringMessages, 0, "no read was in flight while a message was handed on");
    assert.ok(largestRead <= READ_BYTES, `reads of at most ${READ_BYTES} bytes`);
    assert.deepEqual(
      seen.messages.map((m) => Number((m as string).split(":")[0])),
      Array.from({ length: count }, (_, i) => i),
    );
  } finally {
    socket.close();
    await seen.closed;
    await server.close();
  }
});

Deno.test("GatewaySocket reports a refused upgrade as an error and an unclean close", async () => {
  const server = serve(() => {});
  const socket = new GatewaySocket(server.url("/refuse"));
  const seen = watch(socket);
  let opened = false;
  seen.opened.then(() => (opened = true));
  try {
    assert.deepEqual(await seen.closed, { code: 1006, reason: "", wasClean: false });
    assert.equal(opened, false);
    assert.equal(seen.errors.length, 1);
    assert.match(seen.errors[0]!, /404/);
  } finally {
    await server.close();
  }
});

/** A bare TCP server that upgrades by hand, then hands each connection to `onConn`. */
function rawServer(onConn: (conn: Deno.Conn) => Promise<void>, upgrade = true) {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const conns: Deno.Conn[] = [];
  const done = (async () => {
    for await (const conn of listener) {
      conns.push(conn);
      (async () => {
        if (upgrade) {
          const buffer = new Uint8Array(4096);
          const read = await conn.read(buffer) ?? 0;
          const head = new TextDecoder().decode(buffer.subarray(0, read));
          const key = /sec-websocket-key: (.+)\r\n/i.exec(head)![1]!;
          await conn.write(new TextEncoder().encode(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
              `Sec-WebSocket-Accept: ${await acceptFor(key)}\r\n\r\n`,
          ));
        }
        await onConn(conn);
      })().catch(() => {});
    }
  })();
  return {
    url: new URL(`ws://127.0.0.1:${(listener.addr as Deno.NetAddr).port}/`),
    async close() {
      listener.close();
      await done.catch(() => {});
      for (const conn of conns) {
        try {
          conn.close();
        } catch {
          // closed already
        }
      }
    },
  };
}

/** Reads client frames off `conn` until `stop` says so. */
async function clientFrames(
  conn: Deno.Conn,
  onFrame: (opcode: number, payload: Uint8Array) => boolean,
): Promise<void> {
  const buffer = new Uint8Array(4096);
  let pending = new Uint8Array(0);
  while (true) {
    const read = await conn.read(buffer);
    if (read === null) return;
    const all = new Uint8Array(pending.length + read);
    all.set(pending);
    all.set(buffer.subarray(0, read), pending.length);
    pending = all;
    while (pending.length >= 6) {
      const length = (pending[1] as number) & 0x7f;
      if (length > 125 || pending.length < 6 + length) break;
      const mask = pending.subarray(2, 6);
      const payload = pending.slice(6, 6 + length).map((b, i) => b ^ mask[i & 3]!);
      const opcode = (pending[0] as number) & 0x0f;
      pending = pending.slice(6 + length);
      if (!onFrame(opcode, payload)) return;
    }
  }
}

Deno.test("GatewaySocket answers a ping with a pong of the same payload", async () => {
  const pong = Promise.withResolvers<string>();
  const server = rawServer(async (conn) => {
    await conn.write(new Uint8Array([0x89, 4, ...new TextEncoder().encode("beat")]));
    await clientFrames(conn, (opcode, payload) => {
      if (opcode !== OPCODE.pong) return true;
      pong.resolve(new TextDecoder().decode(payload));
      return false;
    });
  });
  const socket = new GatewaySocket(server.url, { closeTimeoutMs: 50 });
  const seen = watch(socket);
  try {
    assert.equal(await pong.promise, "beat");
  } finally {
    socket.close();
    await seen.closed;
    await server.close();
  }
});

Deno.test("GatewaySocket drops a connection whose server breaks the protocol, saying why", async () => {
  const closeFrame = Promise.withResolvers<number>();
  const server = rawServer(async (conn) => {
    // A masked frame: a server may not send one.
    await conn.write(new Uint8Array([0x81, 0x81, 1, 2, 3, 4, 0x61]));
    await clientFrames(conn, (opcode, payload) => {
      if (opcode === OPCODE.close) closeFrame.resolve(decodeClose(payload).code);
      return opcode !== OPCODE.close;
    });
  });
  const socket = new GatewaySocket(server.url);
  const seen = watch(socket);
  try {
    assert.deepEqual(await seen.closed, { code: 1006, reason: "", wasClean: false });
    assert.equal(await closeFrame.promise, 1002);
    assert.match(seen.errors[0]!, /masked/);
  } finally {
    await server.close();
  }
});

Deno.test("GatewaySocket gives up a close the server never answers", async () => {
  const server = rawServer(async (conn) => {
    await clientFrames(conn, () => true);
  });
  const socket = new GatewaySocket(server.url, { closeTimeoutMs: 50 });
  const seen = watch(socket);
  try {
    await seen.opened;
    socket.close(3000, "Shutting down");
    assert.deepEqual(await seen.closed, { code: 1006, reason: "", wasClean: false });
  } finally {
    await server.close();
  }
});

Deno.test("GatewaySocket gives up a server that never answers the upgrade, and closes the connection", async () => {
  const serverSawEnd = Promise.withResolvers<void>();
  const server = rawServer(async (conn) => {
    const buffer = new Uint8Array(4096);
    while (await conn.read(buffer) !== null) { /* never answer */ }
    serverSawEnd.resolve();
  }, false);
  const socket = new GatewaySocket(server.url, { connectTimeoutMs: 50 });
  const seen = watch(socket);
  try {
    assert.deepEqual(await seen.closed, { code: 1006, reason: "", wasClean: false });
    assert.match(seen.errors[0]!, /No connection within 50 ms/);
    await serverSawEnd.promise;
  } finally {
    await server.close();
  }
});

Deno.test("GatewaySocket speaks TLS to a wss:// URL", async () => {
  const read = (name: string) =>
    Deno.readTextFileSync(
      fileURLToPath(new URL(`../../../tests/fixtures/tls/${name}`, import.meta.url)),
    );
  const cert = read("localhost.crt");
  const server = serve((socket) => {
    socket.onmessage = (event) => socket.send(`echo ${event.data}`);
  }, { cert, key: read("localhost.key") });
  const socket = new GatewaySocket(server.url(), { dial: dialer({ caCerts: [cert] }) });
  const seen = watch(socket);
  try {
    await seen.opened;
    socket.send("over TLS");
    await seen.messagesAt(1);
    assert.deepEqual(seen.messages, ["echo over TLS"]);
  } finally {
    socket.close();
    await seen.closed;
    await server.close();
  }
});

Deno.test("proxyConfigured() sees the proxy variables Deno's WebSocket reads, in either case", () => {
  assert.equal(proxyConfigured({}), false);
  assert.equal(proxyConfigured({ HTTPS_PROXY: " " }), false);
  assert.equal(proxyConfigured({ NO_PROXY: "localhost" }), false);
  assert.equal(proxyConfigured({ HTTPS_PROXY: "http://proxy:3128" }), true);
  assert.equal(proxyConfigured({ http_proxy: "http://proxy:3128" }), true);
  assert.equal(proxyConfigured({ ALL_PROXY: "socks5://proxy:1080" }), true);
});
