import assert from "node:assert/strict";
import { utf8Length } from "./utf8_length.ts";

Deno.test("utf8Length() counts what TextEncoder would write", () => {
  const samples = [
    "",
    "plain ascii",
    "Grüße · café",
    "chat — 日本語",
    "emoji 🎫🙂",
    "lone \ud800 x",
    "end \udc00",
  ];
  for (const sample of samples) {
    assert.equal(utf8Length(sample), new TextEncoder().encode(sample).byteLength, sample);
  }
});
