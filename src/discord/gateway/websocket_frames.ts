/**
 * WebSocket frames (RFC 6455, section 5) as a client reads and writes them: a
 * streaming reader that turns the bytes of a connection into whole messages and
 * control frames, whatever the read boundaries, and the writer of masked client
 * frames. No extension is negotiated, so every reserved bit must be 0.
 */

/** Frame opcodes. */
export const OPCODE = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

/** What the reader hands on: a whole data message, or one control frame. */
export type Frame =
  | { kind: "text" | "binary"; payload: Uint8Array }
  | { kind: "close" | "ping" | "pong"; payload: Uint8Array };

/** A server broke the protocol; `code` is the close code to answer with (1002, 1009). */
export class WebSocketProtocolError extends Error {
  constructor(readonly code: 1002 | 1007 | 1009, message: string) {
    super(message);
    this.name = "WebSocketProtocolError";
  }
}

/** The longest message a reader accepts (fastwebsockets', and so Deno's, limit). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const CONTROL_KINDS: Readonly<Record<number, "close" | "ping" | "pong">> = {
  [OPCODE.close]: "close",
  [OPCODE.ping]: "ping",
  [OPCODE.pong]: "pong",
};

/**
 * Reads frames from the chunks of a stream. A payload that lies whole in one
 * chunk is handed on as a view of that chunk (valid only during the callback, so
 * the caller may reuse its read buffer); one split over reads is copied once into
 * a buffer of its exact length. Nothing else is kept between chunks but a header
 * of at most 14 bytes, so the memory held is bounded by the message being read.
 */
export class FrameReader {
  readonly #header = new Uint8Array(14);
  #headerBytes = 0;
  #headerNeeded = 2;
  /** The frame whose payload is being read, once its header is complete. */
  #frame: { fin: boolean; opcode: number; length: number } | null = null;
  #payload: Uint8Array | null = null;
  #filled = 0;
  /** The parts of a fragmented data message so far. */
  #fragments: Uint8Array[] = [];
  #fragmentsBytes = 0;
  #fragmentedKind: "text" | "binary" | null = null;

  constructor(readonly maxMessageBytes = MAX_MESSAGE_BYTES) {}

  /** Feeds one chunk; calls `onFrame` for every frame it completes, in order. */
  push(chunk: Uint8Array, onFrame: (frame: Frame) => void): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.#frame === null) {
        const take = Math.min(this.#headerNeeded - this.#headerBytes, chunk.length - at);
        this.#header.set(chunk.subarray(at, at + take), this.#headerBytes);
        this.#headerBytes += take;
        at += take;
        if (this.#headerBytes < this.#headerNeeded) return;
        if (this.#headerNeeded === 2) {
          this.#headerNeeded = headerLength(this.#header);
          if (this.#headerBytes < this.#headerNeeded) continue;
        }
        this.#frame = this.#readHeader();
        this.#headerBytes = 0;
        this.#headerNeeded = 2;
        if (this.#frame.length <= chunk.length - at) {
          const end = at + this.#frame.length;
          this.#complete(chunk.subarray(at, end), onFrame);
          at = end;
          continue;
        }
        this.#payload = new Uint8Array(this.#frame.length);
        this.#filled = 0;
      }
      const payload = this.#payload as Uint8Array;
      const take = Math.min(payload.length - this.#filled, chunk.length - at);
      payload.set(chunk.subarray(at, at + take), this.#filled);
      this.#filled += take;
      at += take;
      if (this.#filled === payload.length) {
        this.#payload = null;
        this.#complete(payload, onFrame);
      }
    }
  }

  #readHeader(): { fin: boolean; opcode: number; length: number } {
    const header = this.#header;
    const first = header[0] as number;
    const second = header[1] as number;
    if ((first & 0x70) !== 0) {
      throw new WebSocketProtocolError(1002, "A frame set a reserved bit");
    }
    if ((second & 0x80) !== 0) throw new WebSocketProtocolError(1002, "A server frame was masked");
    const fin = (first & 0x80) !== 0;
    const opcode = first & 0x0f;
    let length = second & 0x7f;
    if (length === 126) length = (header[2] as number) << 8 | (header[3] as number);
    else if (length === 127) {
      const view = new DataView(header.buffer, 2, 8);
      const high = view.getUint32(0);
      if (high > 0x1f_ffff) throw new WebSocketProtocolError(1009, "A frame is too long");
      length = high * 2 ** 32 + view.getUint32(4);
    }
    if (opcode >= 0x8) {
      if (!(opcode in CONTROL_KINDS)) {
        throw new WebSocketProtocolError(1002, `Unknown control opcode ${opcode}`);
      }
      if (!fin || length > 125) {
        throw new WebSocketProtocolError(1002, "A control frame was fragmented or too long");
      }
    } else if (opcode > OPCODE.binary) {
      throw new WebSocketProtocolError(1002, `Unknown data opcode ${opcode}`);
    } else {
      if ((opcode === OPCODE.continuation) !== (this.#fragmentedKind !== null)) {
        throw new WebSocketProtocolError(1002, "A continuation frame without its message");
      }
      if (this.#fragmentsBytes + length > this.maxMessageBytes) {
        throw new WebSocketProtocolError(1009, "A message is too long");
      }
    }
    return { fin, opcode, length };
  }

  #complete(payload: Uint8Array, onFrame: (frame: Frame) => void): void {
    const { fin, opcode } = this.#frame as { fin: boolean; opcode: number };
    this.#frame = null;
    if (opcode >= 0x8) {
      onFrame({ kind: CONTROL_KINDS[opcode]!, payload });
      return;
    }
    const kind = opcode === OPCODE.text ? "text" : opcode === OPCODE.binary ? "binary" : null;
    if (fin && kind !== null) {
      onFrame({ kind, payload });
      return;
    }
    if (kind !== null) this.#fragmentedKind = kind;
    // The chunk's view is only valid now: keep a copy.
    this.#fragments.push(payload.slice());
    this.#fragmentsBytes += payload.length;
    if (!fin) return;
    const whole = new Uint8Array(this.#fragmentsBytes);
    let offset = 0;
    for (const part of this.#fragments) {
      whole.set(part, offset);
      offset += part.length;
    }
    const message = { kind: this.#fragmentedKind as "text", payload: whole };
    this.#fragments = [];
    this.#fragmentsBytes = 0;
    this.#fragmentedKind = null;
    onFrame(message);
  }
}

/** The length of a header from its first two bytes (2, 4 or 10, plus 4 for a mask). */
function headerLength(header: Uint8Array): number {
  const second = header[1] as number;
  const length = second & 0x7f;
  const extended = length === 126 ? 2 : length === 127 ? 8 : 0;
  return 2 + extended + ((second & 0x80) !== 0 ? 4 : 0);
}

/** One whole client frame (FIN set), masked with a fresh key as a client must. */
export function encodeClientFrame(opcode: number, payload: Uint8Array): Uint8Array {
  const length = payload.length;
  const extended = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const frame = new Uint8Array(2 + extended + 4 + length);
  frame[0] = 0x80 | opcode;
  if (extended === 0) frame[1] = 0x80 | length;
  else if (extended === 2) {
    frame[1] = 0x80 | 126;
    frame[2] = length >> 8;
    frame[3] = length & 0xff;
  } else {
    frame[1] = 0x80 | 127;
    const view = new DataView(frame.buffer, 2, 8);
    view.setUint32(0, Math.floor(length / 2 ** 32));
    view.setUint32(4, length >>> 0);
  }
  const maskAt = 2 + extended;
  const mask = frame.subarray(maskAt, maskAt + 4);
  crypto.getRandomValues(mask);
  const body = maskAt + 4;
  for (let i = 0; i < length; i++) {
    frame[body + i] = (payload[i] as number) ^ (mask[i & 3] as number);
  }
  return frame;
}

/** The payload of a close frame: a 2-byte code and a UTF-8 reason of at most 123 bytes. */
export function encodeClose(code: number, reason: string): Uint8Array {
  const text = new TextEncoder().encode(reason);
  const payload = new Uint8Array(2 + Math.min(text.length, 123));
  payload[0] = code >> 8;
  payload[1] = code & 0xff;
  payload.set(text.subarray(0, 123), 2);
  return payload;
}

/** A close frame's code and reason; 1005 when it carried no code. */
export function decodeClose(payload: Uint8Array): { code: number; reason: string } {
  if (payload.length < 2) return { code: 1005, reason: "" };
  const code = (payload[0] as number) << 8 | (payload[1] as number);
  return { code, reason: new TextDecoder().decode(payload.subarray(2)) };
}
