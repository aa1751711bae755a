import assert from "node:assert/strict";
import {
  decodeClose,
  encodeClientFrame,
  encodeClose,
  type Frame,
  FrameReader,
  OPCODE,
  WebSocketProtocolError,
} from "./websocket_frames.ts";

const text = (s: string) => new TextEncoder().encode(s);

/** A server frame (unmasked), FIN set unless `fin` is false. */
function serverFrame(opcode: number, payload: Uint8Array, fin = true, first = 0): Uint8Array {
  const length = payload.length;
  const extended = length < 126 ? 0 : length < 65_536 ? 2 : 8;
  const frame = new Uint8Array(2 + extended + length);
  frame[0] = (fin ? 0x80 : 0) | first | opcode;
  const view = new DataView(frame.buffer);
  if (extended === 0) frame[1] = length;
  else if (extended === 2) {
    frame[1] = 126;
    view.setUint16(2, length);
  } else {
    frame[1] = 127;
    view.setBigUint64(2, BigInt(length));
  }
  frame.set(payload, 2 + extended);
  return frame;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

/** Feeds `bytes` in chunks of `size` and returns what came out, payloads copied. */
function read(bytes: Uint8Array, size: number, reader = new FrameReader()) {
  const frames: Array<{ kind: Frame["kind"]; payload: string; bytes: number }> = [];
  for (let at = 0; at < bytes.length; at += size) {
    reader.push(bytes.subarray(at, at + size), (frame) =>
      frames.push({
        kind: frame.kind,
        payload: frame.kind === "close"
          ? JSON.stringify(decodeClose(frame.payload))
          : new TextDecoder().decode(frame.payload),
        bytes: frame.payload.length,
      }));
  }
  return frames;
}

const big = "x".repeat(70_000);
const medium = "m".repeat(300);
const stream = concat(
  serverFrame(OPCODE.text, text('{"op":10}')),
  serverFrame(OPCODE.text, text(medium)),
  serverFrame(OPCODE.text, text(big)),
  serverFrame(OPCODE.text, text("frag-"), false),
  serverFrame(OPCODE.ping, text("are you there")),
  serverFrame(OPCODE.continuation, text("ment"), false),
  serverFrame(OPCODE.continuation, text("ed"), true),
  serverFrame(OPCODE.binary, new Uint8Array([1, 2, 3])),
  serverFrame(OPCODE.text, new Uint8Array(0)),
  serverFrame(OPCODE.close, encodeClose(4000, "bye")),
);
const expected = [
  { kind: "text", payload: '{"op":10}', bytes: 9 },
  { kind: "text", payload: medium, bytes: 300 },
  { kind: "text", payload: big, bytes: 70_000 },
  { kind: "ping", payload: "are you there", bytes: 13 },
  { kind: "text", payload: "frag-mented", bytes: 11 },
  { kind: "binary", payload: "\x01\x02\x03", bytes: 3 },
  { kind: "text", payload: "", bytes: 0 },
  { kind: "close", payload: '{"code":4000,"reason":"bye"}', bytes: 5 },
];

Deno.test("FrameReader reads the same frames whatever the read boundaries", () => {
  for (const size of [1, 2, 3, 7, 13, 126, 1000, 65_536, stream.length]) {
    assert.deepEqual(read(stream, size), expected, `chunks of ${size} bytes`);
  }
});

Deno.test("FrameReader hands a payload that lies in one chunk on as a view, without a copy", () => {
  const chunk = serverFrame(OPCODE.text, text("hello"));
  let seen: Uint8Array | null = null;
  new FrameReader().push(chunk, (frame) => (seen = frame.payload));
  assert.equal((seen as Uint8Array | null)?.buffer, chunk.buffer);
});

Deno.test("FrameReader refuses what a server may not send, with the close code to answer", () => {
  const cases: Array<[string, Uint8Array, number]> = [
    ["a reserved bit", serverFrame(OPCODE.text, text("a"), true, 0x40), 1002],
    ["a masked frame", new Uint8Array([0x81, 0x81, 1, 2, 3, 4, 0x61]), 1002],
    ["a continuation alone", serverFrame(OPCODE.continuation, text("a")), 1002],
    [
      "a new message inside a fragmented one",
      concat(serverFrame(OPCODE.text, text("a"), false), serverFrame(OPCODE.text, text("b"))),
      1002,
    ],
    ["a fragmented ping", serverFrame(OPCODE.ping, text("a"), false), 1002],
    ["a long ping", serverFrame(OPCODE.ping, new Uint8Array(126)), 1002],
    ["an unknown opcode", serverFrame(0x3, text("a")), 1002],
    ["an unknown control opcode", serverFrame(0xb, text("a")), 1002],
    ["a message over the limit", serverFrame(OPCODE.text, new Uint8Array(65)), 1009],
    ["a 64-bit length", new Uint8Array([0x81, 127, 0xff, 0, 0, 0, 0, 0, 0, 0]), 1009],
  ];
  for (const [what, bytes, code] of cases) {
    assert.throws(
      () => read(bytes, bytes.length, new FrameReader(64)),
      (error: unknown) => error instanceof WebSocketProtocolError && error.code === code,
      what,
    );
  }
});

Deno.test("FrameReader counts every fragment against the message limit", () => {
  const bytes = concat(
    serverFrame(OPCODE.text, new Uint8Array(40), false),
    serverFrame(OPCODE.continuation, new Uint8Array(40)),
  );
  assert.throws(() => read(bytes, 7, new FrameReader(64)), WebSocketProtocolError);
});

/** Unmasks a client frame as a server does. */
function unmask(frame: Uint8Array): { opcode: number; fin: boolean; payload: Uint8Array } {
  const length7 = (frame[1] as number) & 0x7f;
  assert.equal((frame[1] as number) & 0x80, 0x80, "a client frame is masked");
  const view = new DataView(frame.buffer, frame.byteOffset);
  const [length, at] = length7 === 126
    ? [view.getUint16(2), 4]
    : length7 === 127
    ? [Number(view.getBigUint64(2)), 10]
    : [length7, 2];
  const mask = frame.subarray(at, at + 4);
  const payload = frame.slice(at + 4);
  assert.equal(payload.length, length);
  for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i & 3]!;
  return { opcode: (frame[0] as number) & 0x0f, fin: ((frame[0] as number) & 0x80) !== 0, payload };
}

Deno.test("encodeClientFrame() masks whole frames of every length form", () => {
  for (const length of [0, 5, 125, 126, 65_535, 65_536, 200_000]) {
    const payload = crypto.getRandomValues(new Uint8Array(Math.min(length, 65_536)));
    const body = length > 65_536 ? concat(payload, new Uint8Array(length - 65_536)) : payload;
    const frame = encodeClientFrame(OPCODE.text, body);
    const decoded = unmask(frame);
    assert.equal(decoded.opcode, OPCODE.text);
    assert.equal(decoded.fin, true);
    assert.deepEqual(decoded.payload, body, `${length} bytes`);
  }
  const one = encodeClientFrame(OPCODE.text, text("same"));
  const two = encodeClientFrame(OPCODE.text, text("same"));
  assert.notDeepEqual(one.subarray(2, 6), two.subarray(2, 6), "a fresh mask per frame");
});

Deno.test("encodeClose() and decodeClose() carry a code and a reason cut to 123 bytes", () => {
  assert.deepEqual(decodeClose(encodeClose(3000, "Shutting down")), {
    code: 3000,
    reason: "Shutting down",
  });
  assert.equal(encodeClose(1000, "r".repeat(200)).length, 125);
  assert.deepEqual(decodeClose(new Uint8Array(0)), { code: 1005, reason: "" });
});
