/**
 * The gateway's WebSocket client: the part of the browser `WebSocket` a
 * discordeno shard uses (`readyState`, `send`, `close`, `onopen`, `onmessage`,
 * `onerror` and `onclose`), over `Deno.connect` / `Deno.connectTls`.
 *
 * Deno's own `WebSocket` reads whatever waits in the socket into a buffer in
 * Rust that never shrinks: when the bot falls behind a burst of GUILD_CREATE at
 * startup, a connection keeps 7-14 MB for as long as it lives. This client reads
 * 64 KiB at a time and reads again only once every message of the last read has
 * been handed on (and parsed: a shard parses each message as it gets it), so a
 * burst waits in the kernel and the sender, and the process holds one read
 * buffer and the message being read.
 */
import {
  decodeClose,
  encodeClientFrame,
  encodeClose,
  type Frame,
  FrameReader,
  OPCODE,
  WebSocketProtocolError,
} from "./websocket_frames.ts";
import { openHandshake } from "./websocket_handshake.ts";
import type { ShardSocket } from "./discordeno_gateway_patches.ts";

/** How much one read takes from the connection. */
export const READ_BYTES = 64 * 1024;

/** How long connecting (TCP, TLS and the upgrade) may take. */
export const CONNECT_TIMEOUT_MS = 15_000;

/** How long a close waits for the server's close frame before dropping the connection. */
export const CLOSE_TIMEOUT_MS = 5_000;

/** A close as the browser's `CloseEvent` reports it. */
export interface SocketClose {
  code: number;
  reason: string;
  wasClean: boolean;
}

/** How to reach a server. */
export type Dial = (url: URL) => Promise<Deno.Conn>;

/** Dials the URL's host: TCP for `ws:`, TLS for `wss:` (trusting `caCerts` too, if given). */
export function dialer(options: { caCerts?: string[] } = {}): Dial {
  return (url) => {
    const secure = url.protocol === "wss:";
    const port = url.port === "" ? (secure ? 443 : 80) : Number(url.port);
    const hostname = url.hostname;
    return secure
      ? Deno.connectTls({ hostname, port, ...options })
      : Deno.connect({ hostname, port });
  };
}

/** Options of a `GatewaySocket`; the defaults are for Discord. */
export interface GatewaySocketOptions {
  dial?: Dial;
  connectTimeoutMs?: number;
  closeTimeoutMs?: number;
}

const ENCODER = new TextEncoder();

/** The variables Deno's own `WebSocket` (and `fetch`) read an HTTP proxy from. */
const PROXY_VARIABLES = ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"];

/**
 * Whether `env` names an HTTP proxy. This client dials directly, so a gateway
 * behind a proxy is left to Deno's `WebSocket`, which goes through it.
 */
export function proxyConfigured(env: Readonly<Record<string, string | undefined>>): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? env[name.toLowerCase()] ?? "").trim() !== "");
}

/** The browser's ready states. */
const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** A client connection to `ws://` or `wss://`, opened as soon as it is made. */
export class GatewaySocket implements ShardSocket {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;

  readyState: number = CONNECTING;
  /** Kept for the browser's interface: binary messages always arrive as `ArrayBuffer`. */
  binaryType = "arraybuffer";
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: { data: string | ArrayBuffer }) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: SocketClose) => void) | null = null;

  #conn: Deno.Conn | null = null;
  #writes: Promise<void> = Promise.resolve();
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The close frame the server sent, once it did. */
  #received: { code: number; reason: string } | null = null;
  #sentClose = false;
  #ended = false;
  readonly #decoder = new TextDecoder();

  readonly #connectTimeoutMs: number;
  readonly #closeTimeoutMs: number;

  constructor(readonly url: URL, options: GatewaySocketOptions = {}) {
    this.#connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS;
    this.#run(options.dial ?? dialer()).catch((error: unknown) => this.#fail(error));
  }

  /** Sends one text message; ignored unless the connection is open, as in the browser. */
  send(data: string): void {
    if (this.readyState === CONNECTING) {
      throw new DOMException("The connection is not open yet", "InvalidStateError");
    }
    if (this.readyState !== OPEN) return;
    this.#write(encodeClientFrame(OPCODE.text, ENCODER.encode(data)));
  }

  /** Starts the closing handshake; `onclose` follows the server's answer (or a timeout). */
  close(code = 1000, reason = ""): void {
    if (this.readyState === CLOSING || this.readyState === CLOSED) return;
    if (this.readyState === CONNECTING) {
      this.#end({ code: 1006, reason: "", wasClean: false });
      return;
    }
    this.readyState = CLOSING;
    this.#sendClose(code, reason);
    this.#closeTimer = setTimeout(
      () => this.#end({ code: 1006, reason: "", wasClean: false }),
      this.#closeTimeoutMs,
    );
  }

  async #run(dial: Dial): Promise<void> {
    const buffer = new Uint8Array(READ_BYTES);
    const { conn, rest } = await this.#open(dial, buffer);
    if (this.#ended) {
      conn.close();
      return;
    }
    this.#conn = conn;
    this.readyState = OPEN;
    this.onopen?.(new Event("open"));
    const reader = new FrameReader();
    const onFrame = (frame: Frame) => this.#onFrame(frame);
    if (rest.length > 0) reader.push(rest, onFrame);
    while (!this.#ended) {
      const read = await conn.read(buffer);
      if (read === null) break;
      if (this.#ended) return;
      reader.push(buffer.subarray(0, read), onFrame);
    }
    if (this.#ended) return;
    const received = this.#received;
    this.#end(
      received === null
        ? { code: 1006, reason: "", wasClean: false }
        : { ...received, wasClean: true },
    );
  }

  /** Dials and upgrades within the connect timeout; a late connection is closed, not leaked. */
  async #open(dial: Dial, buffer: Uint8Array): Promise<{ conn: Deno.Conn; rest: Uint8Array }> {
    let conn: Deno.Conn | null = null;
    let late = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const opening = (async () => {
      const dialed = await dial(this.url);
      if (late) {
        dialed.close();
        throw new Error("Connected after the timeout");
      }
      conn = dialed;
      return { conn: dialed, rest: await openHandshake(dialed, this.url, buffer) };
    })();
    const timeout = new Promise<never>((_, reject) => {
      const ms = this.#connectTimeoutMs;
      timer = setTimeout(() => reject(new Error(`No connection within ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([opening, timeout]);
    } catch (error) {
      late = true;
      (conn as Deno.Conn | null)?.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  #onFrame(frame: Frame): void {
    if (this.#ended) return;
    switch (frame.kind) {
      case "text":
        if (this.readyState === OPEN) {
          this.onmessage?.({ data: this.#decoder.decode(frame.payload) });
        }
        return;
      case "binary":
        if (this.readyState === OPEN) this.onmessage?.({ data: frame.payload.slice().buffer });
        return;
      case "ping":
        this.#write(encodeClientFrame(OPCODE.pong, frame.payload.slice()));
        return;
      case "pong":
        return;
      case "close": {
        this.#received = decodeClose(frame.payload);
        // Echo the server's code, as RFC 6455 asks, unless we closed first.
        const { code } = this.#received;
        if (!this.#sentClose) this.#sendClose(code === 1005 ? 1000 : code, "");
        this.readyState = CLOSING;
        // The server closes the TCP connection next; ending here spares waiting for it.
        this.#endAfterWrites({ ...this.#received, wasClean: true });
        return;
      }
    }
  }

  #sendClose(code: number, reason: string): void {
    this.#sentClose = true;
    this.#write(encodeClientFrame(OPCODE.close, encodeClose(code, reason)));
  }

  /** Queues a frame behind the ones before it; a failed write drops the connection. */
  #write(frame: Uint8Array): void {
    const conn = this.#conn;
    if (conn === null) return;
    this.#writes = this.#writes.then(async () => {
      if (this.#ended) return;
      let written = 0;
      while (written < frame.length) written += await conn.write(frame.subarray(written));
    }).catch((error: unknown) => this.#fail(error));
  }

  #fail(error: unknown): void {
    if (this.#ended) return;
    const code = error instanceof WebSocketProtocolError ? error.code : null;
    if (code !== null && this.readyState === OPEN) {
      // Tell the server why, then drop the connection without waiting.
      this.#sendClose(code, error instanceof Error ? error.message : "");
    }
    const message = error instanceof Error ? error.message : String(error);
    this.onerror?.(new ErrorEvent("error", { message, error }));
    this.#endAfterWrites({ code: 1006, reason: "", wasClean: false });
  }

  /** Ends once the queued frames are written, or after the close timeout if they cannot be. */
  #endAfterWrites(close: SocketClose): void {
    const end = () => this.#end(close);
    this.#writes.finally(end);
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(end, this.#closeTimeoutMs);
  }

  #end(close: SocketClose): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#closeTimer);
    this.readyState = CLOSED;
    try {
      this.#conn?.close();
    } catch {
      // Already closed by the other side.
    }
    this.onclose?.(close);
  }
}
