import assert from "node:assert/strict";
import {
  COMPRESS_THRESHOLD_BYTES,
  decodeTranscript,
  encodeTranscript,
} from "./transcript_codec.ts";

Deno.test("encodeTranscript() keeps small transcripts as plain UTF-8", async () => {
  const encoded = await encodeTranscript("<p>héllo 🎫</p>", "héllo 🎫");
  assert.equal(encoded.compressed, false);
  assert.equal(new TextDecoder().decode(encoded.html), "<p>héllo 🎫</p>");
  assert.deepEqual(await decodeTranscript(encoded), { html: "<p>héllo 🎫</p>", text: "héllo 🎫" });
});

Deno.test("encodeTranscript() gzips both renderings when one reaches the threshold", async () => {
  const html = "<p>שלום 🎫</p>".repeat(COMPRESS_THRESHOLD_BYTES);
  const encoded = await encodeTranscript(html, "short");
  assert.equal(encoded.compressed, true);
  assert.deepEqual([...encoded.html.subarray(0, 2)], [0x1f, 0x8b]);
  assert.deepEqual([...encoded.text.subarray(0, 2)], [0x1f, 0x8b]);
  assert.ok(encoded.html.byteLength < html.length / 20);
  assert.deepEqual(await decodeTranscript(encoded), { html, text: "short" });
});

Deno.test("decodeTranscript() rejects bytes that are not valid UTF-8", async () => {
  await assert.rejects(
    decodeTranscript({ html: new Uint8Array([0xff]), text: new Uint8Array(), compressed: false }),
    TypeError,
  );
});
