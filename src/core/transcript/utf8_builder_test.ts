import assert from "node:assert/strict";
import { utf8Builder } from "./utf8_builder.ts";

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

Deno.test("utf8Builder() puts the head first and keeps every character", () => {
  const builder = utf8Builder({ headroom: 64 });
  const pieces = ["héllo ", "🎫 ", "↪ ", "x".repeat(40_000), "\u202f end"];
  for (const piece of pieces) builder.append(piece);
  const bytes = builder.finish("<head>ü</head>");
  assert.equal(decode(bytes), "<head>ü</head>" + pieces.join(""));
  assert.equal(bytes.byteLength, new TextEncoder().encode(decode(bytes)).byteLength);
});

Deno.test("utf8Builder() copies a head larger than its headroom to the front", () => {
  const builder = utf8Builder({ headroom: 4 });
  builder.append("body");
  assert.equal(decode(builder.finish("a longer head ")), "a longer head body");
});

Deno.test("utf8Builder() gives a plain buffer the drivers and Blob take", async () => {
  const builder = utf8Builder();
  builder.append("text");
  const bytes = builder.finish("");
  assert.equal(bytes.buffer instanceof ArrayBuffer && bytes.buffer.resizable, false);
  assert.equal(await new Blob([bytes as Uint8Array<ArrayBuffer>]).text(), "text");
});

Deno.test("utf8Builder() gives an empty document for nothing appended", () => {
  assert.equal(utf8Builder().finish("").byteLength, 0);
});
